using System.Diagnostics.CodeAnalysis;

namespace Samenwerkingsafspraken.Infrastructure.Http;

/// <summary>
/// What a lookup's checks concluded: the resource it is about, or the problem to answer with. Lets a JSON lookup and
/// its export share one set of checks in one order, so that they cannot come to answer the same caller differently.
/// </summary>
public sealed class Opvraging<T> where T : class
{
    private Opvraging(T? waarde, IResult? probleem)
    {
        Waarde = waarde;
        Probleem = probleem;
    }

    public T? Waarde { get; }

    public IResult? Probleem { get; }

    [MemberNotNullWhen(true, nameof(Probleem))]
    [MemberNotNullWhen(false, nameof(Waarde))]
    public bool IsProbleem => Probleem is not null;

    public static implicit operator Opvraging<T>(T waarde) => new(waarde, null);

    public static Opvraging<T> Geweigerd(IResult probleem) => new(null, probleem);
}

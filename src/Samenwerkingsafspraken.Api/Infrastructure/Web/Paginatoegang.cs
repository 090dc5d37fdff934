using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.Authorization;

namespace Samenwerkingsafspraken.Infrastructure.Web;

/// <summary>
/// Who may open a page: the roles it admits and, in words, the organisation scope within them, declared once on the
/// page's model. Deny by default: a page without this declaration stops the application from starting. The roles
/// are enforced before the page runs; the scope is checked by the page with the same function its API endpoint uses
/// (for example <c>Toegang.MagLezen</c>), because it depends on what is shown.
/// </summary>
/// <param name="naam">The page's name in the access table, like an endpoint's OperationId.</param>
/// <param name="bereik">The organisation scope within the roles, in Dutch.</param>
/// <param name="rollen">The admitted roles; none with <see cref="Openbaar"/> for a page everyone may open.</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class PaginatoegangAttribute(string naam, string bereik, params string[] rollen) : Attribute
{
    public string Naam { get; } = naam;

    public string Bereik { get; } = bereik;

    public IReadOnlyList<string> Rollen { get; } = rollen;

    /// <summary>Open without signing in (the start page, sign-in, error pages, the public catalogue).</summary>
    public bool Openbaar { get; init; }
}

public sealed class PaginatoegangConventie : IPageApplicationModelConvention
{
    public void Apply(PageApplicationModel model)
    {
        var toegang = model.HandlerType.GetCustomAttributes(typeof(PaginatoegangAttribute), false).Cast<PaginatoegangAttribute>().SingleOrDefault()
                      ?? throw new InvalidOperationException(
                          $"De pagina {model.RelativePath} ({model.HandlerType.Name}) noemt niet wie haar mag zien: zet [Paginatoegang] op haar model.");

        if (toegang.Openbaar)
        {
            if (toegang.Rollen.Count > 0) throw new InvalidOperationException($"De pagina {toegang.Naam} is openbaar en noemt toch rollen.");
            model.Filters.Add(new AllowAnonymousFilter());
            return;
        }

        if (toegang.Rollen.Count == 0) throw new InvalidOperationException($"De pagina {toegang.Naam} noemt geen enkele rol.");
        model.Filters.Add(new AuthorizeFilter(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireRole(toegang.Rollen).Build()));
    }
}

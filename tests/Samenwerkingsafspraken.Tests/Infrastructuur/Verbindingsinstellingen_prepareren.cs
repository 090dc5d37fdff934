using Npgsql;
using Samenwerkingsafspraken.Infrastructure.Persistence;
using Shouldly;

namespace Samenwerkingsafspraken.Tests.Infrastructuur;

/// <summary>The pool prepares repeated statements unless the connection string says otherwise.</summary>
public sealed class Verbindingsinstellingen_prepareren
{
    [Fact]
    public void Zonder_eigen_waarde_bereidt_de_pool_herhaalde_statements_voor()
    {
        using var bron = Verbindingsinstellingen.Bouw("Host=127.0.0.1;Port=5432;Username=postgres;Database=x");

        var instellingen = new NpgsqlConnectionStringBuilder(bron.ConnectionString);
        instellingen.MaxAutoPrepare.ShouldBe(Verbindingsinstellingen.MaxAutoPrepare);
        instellingen.AutoPrepareMinUsages.ShouldBe(Verbindingsinstellingen.AutoPrepareMinUsages);
    }

    [Theory]
    [InlineData("Max Auto Prepare=0;Auto Prepare Min Usages=7")]
    [InlineData("maxautoprepare=0;AUTOPREPAREMINUSAGES=7")]
    public void Een_waarde_in_de_connection_string_gaat_voor(string eigen)
    {
        using var bron = Verbindingsinstellingen.Bouw($"Host=127.0.0.1;Port=5432;Username=postgres;Database=x;{eigen}");

        var instellingen = new NpgsqlConnectionStringBuilder(bron.ConnectionString);
        instellingen.MaxAutoPrepare.ShouldBe(0);
        instellingen.AutoPrepareMinUsages.ShouldBe(7);
    }
}

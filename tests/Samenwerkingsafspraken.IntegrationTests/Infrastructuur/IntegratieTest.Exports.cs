using System.Net.Http.Headers;
using System.Text;
using ClosedXML.Excel;
using CsvHelper;

namespace Samenwerkingsafspraken.IntegrationTests.Infrastructuur;

/// <summary>A downloaded export: its headers as sent, and its bytes (an XLSX is no text).</summary>
public sealed record Bestand(string ContentType, string? Bestandsnaam, string? Dispositie, string? ApiVersie, byte[] Inhoud)
{
    /// <summary>The CSV as rows of fields (header first), read back with CsvHelper with the separator the export promises.</summary>
    public IReadOnlyList<IReadOnlyList<string>> CsvRijen()
    {
        Inhoud.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF }, "een CSV-export begint met een UTF-8 BOM");
        using var csv = CsvReader.Create(Inhoud, CsvReaderOptions.Default with { Separator = ';', HasHeader = false });
        var rijen = new List<IReadOnlyList<string>>();
        while (csv.Read()) rijen.Add(Enumerable.Range(0, csv.FieldCount).Select(csv.GetString).ToList());
        return rijen;
    }

    /// <summary>The CSV's data rows by header name.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> CsvRecords()
    {
        var rijen = CsvRijen();
        return rijen.Skip(1).Select(r => (IReadOnlyDictionary<string, string>)rijen[0].Zip(r).ToDictionary(p => p.First, p => p.Second)).ToList();
    }

    public XLWorkbook Werkboek() => new(new MemoryStream(Inhoud));
}

public abstract partial class IntegratieTest
{
    protected async Task<Bestand> Download(string url, string token)
    {
        using var client = Host.Server.CreateClient();
        using var verzoek = new HttpRequestMessage(HttpMethod.Get, url);
        verzoek.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var antwoord = await client.SendAsync(verzoek);
        var inhoud = await antwoord.Content.ReadAsByteArrayAsync();
        ((int)antwoord.StatusCode).ShouldBe(200, Encoding.UTF8.GetString(inhoud));
        var dispositie = antwoord.Content.Headers.ContentDisposition;
        return new Bestand(antwoord.Content.Headers.ContentType?.ToString() ?? "", dispositie?.FileName?.Trim('"'), dispositie?.DispositionType,
            antwoord.Headers.TryGetValues("API-Version", out var versie) ? versie.Single() : null, inhoud);
    }
}

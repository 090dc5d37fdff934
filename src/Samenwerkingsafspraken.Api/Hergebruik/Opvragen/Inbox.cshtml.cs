using Marten;
using Microsoft.AspNetCore.Mvc;
using Samenwerkingsafspraken.Arbeidsmarktregios;
using Samenwerkingsafspraken.Infrastructure;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Infrastructure.Web;

namespace Samenwerkingsafspraken.Hergebruik.Opvragen;

/// <summary>A region's inbox of reuse requests, the longest waiting first, with how long each has waited.</summary>
[Toegangssleutel("hergebruikinboxPagina")]
public sealed class InboxModel(IQuerySession session, Klok klok) : Webpagina
{
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    public Hergebruikinbox Inbox { get; private set; } = null!;

    public string Regionaam { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellation)
    {
        var inbox = await HergebruikOpvragen.Inbox(code, string.IsNullOrWhiteSpace(Status) ? null : Status, Gebruiker, session, klok.GetUtcNow(), cancellation);
        if (inbox.IsProbleem) return Weigering(inbox.Probleem);

        Inbox = inbox.Waarde;
        Regionaam = (await session.LoadAsync<Arbeidsmarktregio>(Arbeidsmarktregio.StreamId(code), cancellation))?.Naam ?? code;
        return Page();
    }
}

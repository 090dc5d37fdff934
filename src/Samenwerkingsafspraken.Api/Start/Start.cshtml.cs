using Samenwerkingsafspraken.Infrastructure.Security;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Samenwerkingsafspraken.Infrastructure;
using Samenwerkingsafspraken.Infrastructure.Hosting;
using Samenwerkingsafspraken.Infrastructure.Web;
using Samenwerkingsafspraken.Voorbeeldgegevens;

namespace Samenwerkingsafspraken.Start;

[Toegangssleutel("startpagina")]
public sealed class StartModel(IHostEnvironment omgeving, IConfiguration configuratie, IServiceProvider services) : Webpagina
{
    /// <summary>How many agreements the button makes (the command's --afspraken); fewer in the tests.</summary>
    public const string AantalSleutel = "Voorbeeldgegevens:Afspraken";

    public bool Aangemeld => User.Identity?.IsAuthenticated == true;

    /// <summary>Where demo identities exist (Development, and the tests' environment) the start page offers to fill an empty registry.</summary>
    public bool VoorbeeldenMogelijk => Omgevingen.IsLokaal(omgeving);

    public bool RegisterLeeg { get; private set; }

    public Voorbeeldgenerator? Generator { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellation)
    {
        if (!VoorbeeldenMogelijk) return;
        Generator = services.GetRequiredService<Voorbeeldgenerator>();
        RegisterLeeg = !Generator.Bezig && await Voorbeeldgenerator.IsLeeg(services.GetRequiredService<IDocumentStore>(), cancellation);
    }

    /// <summary>
    /// The same run as the <c>voorbeeldgegevens</c> command, on this node, in the background (it takes a while): the page
    /// shows that it runs and, when done, what it made. Nowhere but where demo identities exist, and only on an empty registry.
    /// </summary>
    public async Task<IActionResult> OnPostVoorbeeldgegevensAsync([FromServices] IHostApplicationLifetime levensloop, CancellationToken cancellation)
    {
        if (!VoorbeeldenMogelijk) return NotFound();
        var generator = services.GetRequiredService<Voorbeeldgenerator>();
        if (generator.Bezig) return Redirect("/#voorbeeldgegevens");
        if (!await Voorbeeldgenerator.IsLeeg(services.GetRequiredService<IDocumentStore>(), cancellation))
        {
            return Weigering(Infrastructure.Http.Problemen.Probleem(409, "register-niet-leeg",
                "Het register is niet leeg: voorbeeldgegevens komen alleen in een leeg register (zonder werkgevers en afspraken)."));
        }

        var tot = services.GetRequiredService<Klok>().Vandaag;
        var aantal = configuratie.GetValue(AantalSleutel, Voorbeeldplanner.StandaardAantal);
        var logger = services.GetRequiredService<ILogger<StartModel>>();
        _ = Task.Run(async () =>
        {
            try
            {
                await generator.Maak(tot, aantal, cancellation: levensloop.ApplicationStopping);
            }
            catch (Exception e) when (e is RegisterNietLeeg or OperationCanceledException)
            {
                logger.LogInformation("Demo data not made: {Reason}", e.Message);
            }
            catch (Exception e)
            {
                logger.LogError(e, "Making the demo data failed.");
            }
        }, CancellationToken.None);

        // Until the run holds its lock, the page would not know it runs: wait for it briefly.
        for (var i = 0; i < 50 && !generator.Bezig && generator.LaatsteVerslag is null; i++) await Task.Delay(20, cancellation);
        return Redirect("/#voorbeeldgegevens");
    }
}

using Samenwerkingsafspraken.Infrastructure.Web;

namespace Samenwerkingsafspraken.Start;

[Paginatoegang("startpagina", "openbaar", Openbaar = true)]
public sealed class StartModel : Webpagina
{
    public bool Aangemeld => User.Identity?.IsAuthenticated == true;

    public void OnGet()
    {
    }
}

using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Infrastructure.Web;

namespace Samenwerkingsafspraken.Start;

[Toegangssleutel("startpagina")]
public sealed class StartModel : Webpagina
{
    public bool Aangemeld => User.Identity?.IsAuthenticated == true;

    public void OnGet()
    {
    }
}

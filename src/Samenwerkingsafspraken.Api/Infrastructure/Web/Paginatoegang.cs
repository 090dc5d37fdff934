using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.Authorization;
using Samenwerkingsafspraken.Infrastructure.Security;

namespace Samenwerkingsafspraken.Infrastructure.Web;

/// <summary>
/// Who may open a page is the page's row in the one access table (<see cref="Toegangsbeleid"/>), named by the
/// <see cref="ToegangssleutelAttribute"/> on its model, like an endpoint's OperationId. Deny by default: a page
/// without a name, or with a name the table does not hold, stops the application from starting. The middleware that
/// enforces the table for every endpoint enforces it for pages too; the filter added here says the same to the page
/// (a sign-in redirect for those without a cookie). The organisation scope is checked by the page with the same
/// function its API endpoint uses (for example <c>Toegang.MagLezen</c>), because it depends on what is shown.
/// </summary>
public sealed class PaginatoegangConventie : IPageApplicationModelConvention
{
    public void Apply(PageApplicationModel model)
    {
        var sleutel = model.HandlerType.GetCustomAttributes(typeof(ToegangssleutelAttribute), false).Cast<ToegangssleutelAttribute>().SingleOrDefault()
                      ?? throw new InvalidOperationException(
                          $"De pagina {model.RelativePath} ({model.HandlerType.Name}) noemt niet wie haar mag zien: zet [Toegangssleutel] op haar model.");
        var regel = Toegangsbeleid.Voor(sleutel.Sleutel)
                    ?? throw new InvalidOperationException($"De pagina {sleutel.Sleutel} heeft geen regel in Toegangsbeleid.");

        if (regel.Openbaar)
        {
            model.Filters.Add(new AllowAnonymousFilter());
            return;
        }

        model.Filters.Add(new AuthorizeFilter(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireRole(regel.Rollen.Keys).Build()));
    }
}

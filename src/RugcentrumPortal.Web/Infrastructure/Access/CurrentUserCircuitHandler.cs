using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace RugcentrumPortal.Web.Infrastructure.Access;

/// <summary>
/// Inside an interactive circuit there is no request: the user comes from the circuit's authentication state,
/// and follows it when it changes.
/// </summary>
public sealed class CurrentUserCircuitHandler(AuthenticationStateProvider authentication, CurrentUser user, IHttpContextAccessor connection) : CircuitHandler, IDisposable
{
    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        // The circuit opens inside the call on its connection, the one moment that connection's address is at hand.
        user.SetRemoteAddress(connection.HttpContext?.Connection.RemoteIpAddress);
        authentication.AuthenticationStateChanged += OnAuthenticationChanged;
        user.Set((await authentication.GetAuthenticationStateAsync()).User);
    }

    private void OnAuthenticationChanged(Task<AuthenticationState> state) =>
        _ = UpdateAsync(state);

    private async Task UpdateAsync(Task<AuthenticationState> state) => user.Set((await state).User);

    public void Dispose() => authentication.AuthenticationStateChanged -= OnAuthenticationChanged;
}

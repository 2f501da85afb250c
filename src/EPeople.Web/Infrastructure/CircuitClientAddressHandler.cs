using Microsoft.AspNetCore.Components.Server.Circuits;

namespace EPeople.Web.Infrastructure;

/// <summary>Captures the client address of a circuit when its connection comes up.</summary>
internal sealed class CircuitClientAddressHandler(CircuitClientAddress address, IHttpContextAccessor httpContextAccessor) : CircuitHandler
{
    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        address.Value = httpContextAccessor.HttpContext?.Connection.RemoteIpAddress?.ToString() ?? address.Value;
        return Task.CompletedTask;
    }
}

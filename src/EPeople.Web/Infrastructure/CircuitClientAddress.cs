using Microsoft.AspNetCore.Components.Server.Circuits;

namespace EPeople.Web.Infrastructure;

/// <summary>The client address of a Blazor circuit, captured when it opens (the audit trail records where a change came from).</summary>
public sealed class CircuitClientAddress
{
    public string? Value { get; set; }
}

internal sealed class CircuitClientAddressHandler(CircuitClientAddress address, IHttpContextAccessor httpContextAccessor) : CircuitHandler
{
    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        address.Value = httpContextAccessor.HttpContext?.Connection.RemoteIpAddress?.ToString() ?? address.Value;
        return Task.CompletedTask;
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace EPeople.Workflows.Definitions;

/// <summary>A wire from an outcome port of one node to the <c>In</c> port of another.</summary>
public sealed record Connection
{
    /// <summary>Where the wire starts: a node and one of its outcome ports.</summary>
    public Endpoint Source { get; init; } = new();

    /// <summary>Where the wire ends: a node and its <c>In</c> port.</summary>
    public Endpoint Target { get; init; } = new();

    /// <summary>Designer data (bend points…) and fields this version does not know.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}

/// <summary>One end of a <see cref="Connection"/>.</summary>
public sealed record Endpoint
{
    /// <summary>The node id.</summary>
    public string Activity { get; init; } = "";

    /// <summary>The port name (an outcome on the source side, <c>In</c> on the target side).</summary>
    public string Port { get; init; } = "";

    /// <summary>Creates an endpoint.</summary>
    public static Endpoint Of(string activity, string port) => new() { Activity = activity, Port = port };
}

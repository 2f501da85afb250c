using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Fluid;

namespace EPeople.Workflows.Expressions;

/// <summary>Renders Liquid templates (Fluid) over <c>vars</c>, <c>petition</c>, <c>task</c> and <c>now</c>; parsed templates are cached.</summary>
public sealed class LiquidRenderer
{
    private static readonly FluidParser Parser = new();
    private readonly ConcurrentDictionary<string, IFluidTemplate> _templates = new(StringComparer.Ordinal);

    /// <summary>Renders a template as plain text (no HTML encoding: the channel encodes for its medium).</summary>
    public string Render(string source, ExpressionScope scope)
    {
        var template = _templates.GetOrAdd(source, s => Parser.TryParse(s, out var parsed, out var error)
            ? parsed
            : throw new ExpressionException($"The template '{s}' does not parse: {error}"));
        var context = new TemplateContext();
        context.SetValue("vars", ToPlain(scope.Variables));
        context.SetValue("petition", ToPlain(scope.Petition));
        context.SetValue("task", ToPlain(scope.Task));
        context.SetValue("now", scope.Now);
        return template.Render(context, NullEncoder.Default);
    }

    private static object? ToPlain(JsonNode? node) => node switch
    {
        null => null,
        JsonObject o => o.ToDictionary(p => p.Key, p => ToPlain(p.Value)),
        JsonArray a => a.Select(ToPlain).ToList(),
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => v.GetValue<string>(),
            JsonValueKind.Number => decimal.Parse(v.ToJsonString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => null,
        },
        _ => null,
    };
}

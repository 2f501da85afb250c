using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Acornima.Ast;
using Jint;
using Jint.Native;
using Jint.Native.Json;
using Jint.Runtime;

namespace EPeople.Workflows.Expressions;

/// <summary>
/// Runs JavaScript expressions in Jint with no access to .NET (no CLR interop), strict mode, and limits on
/// statements, time, memory and recursion. Parsed scripts are prepared once and cached by source (the definition
/// version is immutable, so a source never changes meaning), which avoids Jint's growth on repeated parsing.
/// Values cross the boundary as JSON only.
/// </summary>
public sealed class JavaScriptEvaluator
{
    private static readonly Prepared<Script> NowScript = Engine.PrepareScript("new Date(__now)");

    private readonly ConcurrentDictionary<string, Prepared<Script>> _prepared = new(StringComparer.Ordinal);

    // Building an engine costs more than most expressions; engines are reused one caller at a time. Published
    // expressions cannot assign (the validator refuses it) and strict mode forbids implicit globals, so nothing
    // carries over between evaluations except the four inputs, which are set again every time.
    private readonly ConcurrentBag<Engine> _engines = [];

    /// <summary>Evaluates an expression; throws <see cref="ExpressionException"/> on any failure.</summary>
    public JsonNode? Evaluate(string source, ExpressionScope scope)
    {
        if (MemberPathExpression.TryEvaluate(source, scope, out var read))
        {
            return read;
        }

        var script = _prepared.GetOrAdd(source, s => Engine.PrepareScript($"({s})"));
        Engine? engine = _engines.TryTake(out var pooled) ? pooled : NewEngine();
        try
        {
            var parser = new JsonParser(engine);
            engine.SetValue("vars", parser.Parse(scope.Variables.ToJsonString()));
            engine.SetValue("petition", scope.Petition is null ? JsValue.Null : parser.Parse(scope.Petition.ToJsonString()));
            engine.SetValue("task", scope.Task is null ? JsValue.Null : parser.Parse(scope.Task.ToJsonString()));
            engine.SetValue("__now", scope.Now.ToUnixTimeMilliseconds());
            engine.SetValue("now", engine.Evaluate(NowScript));
            var result = engine.Evaluate(script);
            if (result.IsUndefined())
            {
                return null;
            }

            if (result is Jint.Native.JsDate date)
            {
                return JsonValue.Create(DateTimeOffset.FromUnixTimeMilliseconds((long)date.DateValue).ToString("O", CultureInfo.InvariantCulture));
            }

            var json = new JsonSerializer(engine).Serialize(result).ToString();
            return JsonNode.Parse(json);
        }
        catch (Exception ex) when (ex is JavaScriptException or JintException or Acornima.ParseErrorException or InvalidOperationException or TimeoutException)
        {
            // An engine that hit a limit is not reused.
            engine.Dispose();
            engine = null;
            throw new ExpressionException($"The expression '{source}' failed: {ex.Message}", ex);
        }
        finally
        {
            if (engine is not null)
            {
                _engines.Add(engine);
            }
        }
    }

    private static Engine NewEngine() => new(options => options
        .Strict()
        .LimitMemory(8_000_000)
        .TimeoutInterval(TimeSpan.FromMilliseconds(250))
        .MaxStatements(10_000)
        .LimitRecursion(64)
        .Culture(CultureInfo.InvariantCulture));
}

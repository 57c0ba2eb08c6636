using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Kfp.Emulator.Faults;

/// <summary>
/// Per-API fault rules. Installed as the first middleware of an API, so a fault hits before any handler (or,
/// with <see cref="FaultRule.AfterHandler"/>, after it: the request is carried out and its answer lost); rules are added by <c>POST /_emulator/faults</c> and cleared by <c>DELETE /_emulator/faults</c>.
/// </summary>
public sealed class FaultInjector
{
    private readonly Lock _gate = new();
    private readonly List<ActiveRule> _rules = [];
    private readonly Func<int, string> _errorBody;

    /// <param name="errorBody">Builds the API's own error body for a status code.</param>
    public FaultInjector(Func<int, string> errorBody) => _errorBody = errorBody;

    public void Use(WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/_emulator/faults", StringComparison.Ordinal))
            {
                await HandleControlAsync(context);
                return;
            }
            var rule = Take(context.Request.Method, context.Request.Path.Value ?? "/");
            if (rule is null)
            {
                await next(context);
                return;
            }
            if (rule.AfterHandler)
            {
                await AnswerAfterHandlerAsync(context, next, rule);
                return;
            }
            if (rule.DelayMs > 0)
            {
                await Task.Delay(rule.DelayMs, context.RequestAborted);
            }
            if (rule.Reset)
            {
                Drop(context);
                return;
            }
            if (rule.Status == 0)
            {
                await next(context);
                return;
            }
            await WriteFaultAsync(context, rule);
        });
    }

    public void Add(FaultRule rule)
    {
        lock (_gate)
        {
            _rules.Add(new ActiveRule(rule, GlobToRegex(rule.Path), rule.Count));
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
        }
    }

    private FaultRule? Take(string method, string path)
    {
        lock (_gate)
        {
            for (var i = 0; i < _rules.Count; i++)
            {
                var active = _rules[i];
                if (active.Rule.Method is { } m && !string.Equals(m, method, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }
                if (!active.Pattern.IsMatch(path))
                {
                    continue;
                }
                if (active.Remaining > 0)
                {
                    active.Remaining--;
                    if (active.Remaining == 0)
                    {
                        _rules.RemoveAt(i);
                    }
                }
                return active.Rule;
            }
            return null;
        }
    }

    /// <summary>Runs the handler with its answer kept back, then answers with the fault instead (a lost answer).</summary>
    private async Task AnswerAfterHandlerAsync(HttpContext context, RequestDelegate next, FaultRule rule)
    {
        var original = context.Features.Get<IHttpResponseBodyFeature>()!;
        using var kept = new MemoryStream();
        context.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(kept));
        try
        {
            await next(context);
        }
        finally
        {
            context.Features.Set(original);
        }
        if (rule.DelayMs > 0)
        {
            await Task.Delay(rule.DelayMs, context.RequestAborted);
        }
        if (rule.Reset)
        {
            Drop(context);
            return;
        }
        if (rule.Status == 0)
        {
            kept.Position = 0;
            await kept.CopyToAsync(context.Response.Body, context.RequestAborted);
            return;
        }
        context.Response.Clear();
        await WriteFaultAsync(context, rule);
    }

    private async Task WriteFaultAsync(HttpContext context, FaultRule rule)
    {
        context.Response.StatusCode = rule.Status;
        context.Response.ContentType = "application/json";
        foreach (var (name, value) in rule.Headers ?? [])
        {
            context.Response.Headers[name] = value;
        }
        await context.Response.WriteAsync(rule.Body ?? _errorBody(rule.Status), context.RequestAborted);
    }

    private static void Drop(HttpContext context)
    {
        context.Features.Get<IConnectionLifetimeFeature>()?.Abort();
        context.Abort();
    }

    private async Task HandleControlAsync(HttpContext context)
    {
        if (HttpMethods.IsDelete(context.Request.Method))
        {
            Clear();
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return;
        }
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }
        FaultRule? rule;
        try
        {
            rule = await JsonSerializer.DeserializeAsync(context.Request.Body, FaultJsonContext.Default.FaultRule, context.RequestAborted);
        }
        catch (JsonException e)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync($"invalid fault rule: {e.Message}", context.RequestAborted);
            return;
        }
        if (rule is null)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        Add(rule);
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    private static Regex GlobToRegex(string glob) =>
        new("^" + Regex.Escape(glob).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "$",
            RegexOptions.CultureInvariant);

    private sealed class ActiveRule(FaultRule rule, Regex pattern, int remaining)
    {
        public FaultRule Rule { get; } = rule;
        public Regex Pattern { get; } = pattern;
        public int Remaining { get; set; } = remaining;
    }
}

using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Kfp.Emulator.Kfp.Web;

/// <summary>
/// Draws a pipeline's root DAG as inline SVG: one box per task, in layers by dependency depth, an arrow per
/// <c>dependentTasks</c> entry. Sub-DAGs are one box marked "condition", "loop" or "dag". Boxes are coloured by
/// state when a run's states are given.
/// </summary>
internal static class DagSvg
{
    private const int BoxWidth = 170;
    private const int BoxHeight = 44;
    private const int Gap = 30;
    private const int LayerHeight = 84;
    private const int SkipRoom = 60;

    public static string Draw(JsonObject spec, IReadOnlyDictionary<string, string>? states = null)
    {
        var tasks = (spec["root"]?["dag"]?["tasks"] as JsonObject ?? []).OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => (Name: p.Key, Task: p.Value as JsonObject ?? [])).ToList();
        var deps = tasks.ToDictionary(t => t.Name, t => (t.Task["dependentTasks"] as JsonArray ?? [])
            .Select(d => d?.ToString() ?? "").Where(d => tasks.Any(x => x.Name == d)).ToList(), StringComparer.Ordinal);
        var depth = new Dictionary<string, int>(StringComparer.Ordinal);
        int Depth(string name, int guard) => depth.TryGetValue(name, out var d) ? d
            : depth[name] = guard > tasks.Count ? 0 : deps[name].Select(x => Depth(x, guard + 1) + 1).DefaultIfEmpty(0).Max();
        foreach (var (name, _) in tasks)
        {
            Depth(name, 0);
        }
        var layers = tasks.GroupBy(t => depth[t.Name]).OrderBy(g => g.Key).ToList();
        var position = new Dictionary<string, (int X, int Y)>(StringComparer.Ordinal);
        foreach (var layer in layers)
        {
            var i = 0;
            foreach (var (name, _) in layer)
            {
                position[name] = (Gap + (i++ * (BoxWidth + Gap)), Gap + (layer.Key * LayerHeight));
            }
        }
        var width = Math.Max(1, layers.Select(l => l.Count()).DefaultIfEmpty(1).Max()) * (BoxWidth + Gap) + Gap + SkipRoom;
        var height = Math.Max(1, layers.Count) * LayerHeight + Gap;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"dag\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"pipeline DAG\">");
        svg.Append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#555\"/></marker></defs>");
        foreach (var (name, _) in tasks)
        {
            foreach (var dep in deps[name])
            {
                svg.Append(Edge(position[dep], position[name], depth[name] - depth[dep] > 1));
            }
        }
        foreach (var (name, task) in tasks)
        {
            var (x, y) = position[name];
            var state = states?.GetValueOrDefault(name) ?? "";
            var kind = Kind(spec, task);
            svg.Append(CultureInfo.InvariantCulture,
                $"<g class=\"task\" data-task=\"{Html(name)}\" data-state=\"{Html(state)}\"><rect x=\"{x}\" y=\"{y}\" width=\"{BoxWidth}\" height=\"{BoxHeight}\" rx=\"8\" fill=\"{Fill(state)}\" stroke=\"#333\" stroke-width=\"1.5\"/>");
            svg.Append(CultureInfo.InvariantCulture,
                $"<text x=\"{x + BoxWidth / 2}\" y=\"{y + (kind.Length > 0 || state.Length > 0 ? 19 : 27)}\" text-anchor=\"middle\" font-family=\"sans-serif\" font-size=\"13\">{Html(Short(name))}</text>");
            var note = string.Join(" · ", new[] { kind, state }.Where(s => s.Length > 0));
            if (note.Length > 0)
            {
                svg.Append(CultureInfo.InvariantCulture,
                    $"<text x=\"{x + BoxWidth / 2}\" y=\"{y + 35}\" text-anchor=\"middle\" font-family=\"sans-serif\" font-size=\"10\" fill=\"#333\">{Html(note)}</text>");
            }
            svg.Append("</g>");
        }
        return svg.Append("</svg>").ToString();
    }

    /// <summary>An arrow from the bottom of one box to the top of the next layer's; one that skips layers bows out to the right.</summary>
    private static string Edge((int X, int Y) from, (int X, int Y) to, bool skipsLayers)
    {
        const string Style = "class=\"edge\" fill=\"none\" stroke=\"#555\" stroke-width=\"2\" marker-end=\"url(#arrow)\"";
        if (!skipsLayers)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"<path {Style} d=\"M{from.X + BoxWidth / 2},{from.Y + BoxHeight} L{to.X + BoxWidth / 2},{to.Y - 2}\"/>");
        }
        var (x1, y1, x2, y2) = (from.X + BoxWidth, from.Y + BoxHeight / 2, to.X + BoxWidth + 2, to.Y + BoxHeight / 2);
        var bow = Math.Max(x1, x2) + SkipRoom - 10;
        return string.Create(CultureInfo.InvariantCulture, $"<path {Style} d=\"M{x1},{y1} C{bow},{y1} {bow},{y2} {x2},{y2}\"/>");
    }

    private static string Kind(JsonObject spec, JsonObject task)
    {
        if (task["parameterIterator"] is not null || task["artifactIterator"] is not null)
        {
            return "loop";
        }
        if (task["triggerPolicy"]?["condition"] is not null)
        {
            return "condition";
        }
        var component = task["componentRef"]?["name"]?.ToString() ?? "";
        return spec["components"]?[component]?["dag"] is not null ? "dag" : "";
    }

    private static string Fill(string state) => state switch
    {
        "SUCCEEDED" => "#c8ecc8",
        "FAILED" => "#f6c1c1",
        "RUNNING" => "#c9dcf7",
        "PENDING" => "#f3ecc2",
        "CANCELED" or "CANCELING" or "SKIPPED" => "#dddddd",
        _ => "#ffffff",
    };

    private static string Short(string name) => name.Length > 22 ? name[..21] + "…" : name;

    private static string Html(string text) => WebUtility.HtmlEncode(text);
}

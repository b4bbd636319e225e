using System.Globalization;
using System.Text;
using EducationHub.Hub.Application;

namespace EducationHub.Hub.Dashboard;

/// <summary>
/// A school's priority over the last 12 months as inline SVG, drawn on the server (no scripts):
/// the line, the list threshold, and filled points for months the group saw in a published list.
/// </summary>
internal static class PriorityChart
{
    public static string Render(IReadOnlyList<SchoolProfileService.MonthPoint> points, int threshold)
    {
        const int w = 720, h = 260, left = 40, right = 15, top = 15, bottom = 40;
        double X(int i) => left + (points.Count <= 1 ? 0 : i * (double)(w - left - right) / (points.Count - 1));
        double Y(int v) => top + (100 - v) * (double)(h - top - bottom) / 100;
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(inv, $"<svg class=\"chart\" viewBox=\"0 0 {w} {h}\" role=\"img\" aria-labelledby=\"chart-title chart-desc\" xmlns=\"http://www.w3.org/2000/svg\">");
        sb.Append("<title id=\"chart-title\">Priority over the last 12 months</title><desc id=\"chart-desc\">")
          .Append(Html.E(string.Join("; ", points.Select(p => $"{p.Month}: {p.Priority}{(p.Published ? " (published)" : "")}")))).Append("</desc>");
        foreach (var v in new[] { 0, 25, 50, 75, 100 })
        {
            sb.Append(inv, $"<line x1=\"{left}\" x2=\"{w - right}\" y1=\"{Y(v):0.#}\" y2=\"{Y(v):0.#}\" stroke=\"#e5e5e5\"/>");
            sb.Append(inv, $"<text x=\"{left - 6}\" y=\"{Y(v) + 4:0.#}\" font-size=\"11\" text-anchor=\"end\" fill=\"#505a5f\">{v}</text>");
        }
        sb.Append(inv, $"<line x1=\"{left}\" x2=\"{w - right}\" y1=\"{Y(threshold):0.#}\" y2=\"{Y(threshold):0.#}\" stroke=\"#d4351c\" stroke-dasharray=\"6 4\"/>");
        sb.Append(inv, $"<text x=\"{w - right}\" y=\"{Y(threshold) - 4:0.#}\" font-size=\"11\" text-anchor=\"end\" fill=\"#d4351c\">list threshold {threshold}</text>");
        var path = string.Join(" ", points.Select((p, i) => string.Create(inv, $"{(i == 0 ? "M" : "L")}{X(i):0.#},{Y(p.Priority):0.#}")));
        sb.Append(inv, $"<path d=\"{path}\" fill=\"none\" stroke=\"#1d70b8\" stroke-width=\"3\"/>");
        for (var i = 0; i < points.Count; i++)
        {
            var p = points[i];
            var fill = p.Published ? "#1d70b8" : "#fff";
            sb.Append(inv, $"<circle cx=\"{X(i):0.#}\" cy=\"{Y(p.Priority):0.#}\" r=\"5\" fill=\"{fill}\" stroke=\"#1d70b8\" stroke-width=\"2\"><title>{Html.E(p.Month)}: {p.Priority} ({Html.E(p.Band)}){(p.Published ? ", published" : "")}</title></circle>");
            sb.Append(inv, $"<text x=\"{X(i):0.#}\" y=\"{h - bottom + 18}\" font-size=\"11\" text-anchor=\"middle\" fill=\"#505a5f\">{Html.E(p.Month[2..])}</text>");
        }
        sb.Append("</svg><p class=\"meta\">Filled points: months the group saw in a published list. Open points: recomputed as of the end of the month.</p>");
        return sb.ToString();
    }

    /// <summary>Horizontal bars for the distribution of listed schools by band.</summary>
    public static string Bands(IReadOnlyList<(string Band, int Count)> bands)
    {
        var max = Math.Max(1, bands.Count == 0 ? 1 : bands.Max(b => b.Count));
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        var h = 30 * bands.Count + 10;
        sb.Append(inv, $"<svg viewBox=\"0 0 420 {h}\" class=\"chart\" role=\"img\" aria-label=\"Schools on the list by band\" xmlns=\"http://www.w3.org/2000/svg\">");
        var colours = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["High"] = "#d4351c", ["Elevated"] = "#f47738", ["Watch"] = "#ffdd00" };
        for (var i = 0; i < bands.Count; i++)
        {
            var (band, count) = bands[i];
            var width = 300.0 * count / max;
            var y = 5 + i * 30;
            sb.Append(inv, $"<text x=\"0\" y=\"{y + 16}\" font-size=\"13\">{Html.E(band)}</text>");
            sb.Append(inv, $"<rect x=\"80\" y=\"{y}\" width=\"{width:0.#}\" height=\"22\" fill=\"{colours.GetValueOrDefault(band, "#1d70b8")}\"/>");
            sb.Append(inv, $"<text x=\"{86 + width:0.#}\" y=\"{y + 16}\" font-size=\"13\">{count}</text>");
        }
        return sb.Append("</svg>").ToString();
    }
}

using System.Globalization;
using System.Text;

namespace Bitrix24.Benchmarks.Throughput;

/// <summary>
/// A small SVG line chart: requests the portal ran so far against portal time, beside the most the
/// leaky bucket allows (the burst at once, then the drain rate), with refused requests marked.
/// </summary>
internal static class ThroughputPlot
{
    private const int Width = 720, Height = 400, Left = 60, Right = 20, Top = 30, Bottom = 50;

    public static string Render(ThroughputResult result, double ratePerSecond, int burst)
    {
        double maxX = Math.Max(result.Duration.TotalSeconds, result.TheoreticalMinimum.TotalSeconds) * 1.02;
        double maxY = result.Messages * 1.05;
        double X(double seconds) => Left + seconds / maxX * (Width - Left - Right);
        double Y(double count) => Height - Bottom - count / maxY * (Height - Top - Bottom);
        string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

        var svg = new StringBuilder();
        svg.AppendLine(CultureInfo.InvariantCulture, $"""<svg xmlns="http://www.w3.org/2000/svg" width="{Width}" height="{Height}" font-family="sans-serif" font-size="12">""");
        svg.AppendLine("""<rect width="100%" height="100%" fill="white"/>""");
        svg.AppendLine(CultureInfo.InvariantCulture, $"""<text x="{Left}" y="18" font-size="14">{Escape(result.Name)}: {result.Messages} sends, requests run by the portal over time</text>""");

        // Axes with ticks every 100 s and 200 requests.
        svg.AppendLine(CultureInfo.InvariantCulture, $"""<line x1="{Left}" y1="{F(Y(0))}" x2="{Width - Right}" y2="{F(Y(0))}" stroke="black"/>""");
        svg.AppendLine(CultureInfo.InvariantCulture, $"""<line x1="{Left}" y1="{F(Y(0))}" x2="{Left}" y2="{Top}" stroke="black"/>""");
        for (double s = 0; s <= maxX; s += 100)
        {
            svg.AppendLine(CultureInfo.InvariantCulture, $"""<text x="{F(X(s))}" y="{F(Y(0) + 16)}" text-anchor="middle">{F(s)}</text>""");
        }

        for (int n = 0; n <= maxY; n += 200)
        {
            svg.AppendLine(CultureInfo.InvariantCulture, $"""<text x="{Left - 6}" y="{F(Y(n) + 4)}" text-anchor="end">{n}</text>""");
            svg.AppendLine(CultureInfo.InvariantCulture, $"""<line x1="{Left}" y1="{F(Y(n))}" x2="{Width - Right}" y2="{F(Y(n))}" stroke="#eee"/>""");
        }

        svg.AppendLine(CultureInfo.InvariantCulture, $"""<text x="{(Left + Width - Right) / 2}" y="{Height - 12}" text-anchor="middle">portal time, s</text>""");

        // The limit: the burst at t = 0, then the drain rate, up to every message.
        double full = (result.Messages - burst) / ratePerSecond;
        svg.AppendLine(CultureInfo.InvariantCulture,
            $"""<polyline fill="none" stroke="#d62728" stroke-dasharray="6 4" stroke-width="2" points="{F(X(0))},{F(Y(0))} {F(X(0))},{F(Y(burst))} {F(X(full))},{F(Y(result.Messages))} {F(X(maxX))},{F(Y(result.Messages))}"/>""");

        // Achieved: a step per request the portal ran.
        var points = new StringBuilder().Append(CultureInfo.InvariantCulture, $"{F(X(0))},{F(Y(0))}");
        int count = 0;
        foreach (double at in result.AcceptedAt.Order())
        {
            points.Append(CultureInfo.InvariantCulture, $" {F(X(at))},{F(Y(count))} {F(X(at))},{F(Y(++count))}");
        }

        svg.AppendLine(CultureInfo.InvariantCulture, $"""<polyline fill="none" stroke="#1f77b4" stroke-width="1.5" points="{points}"/>""");
        foreach (double at in result.RefusedAt)
        {
            svg.AppendLine(CultureInfo.InvariantCulture, $"""<circle cx="{F(X(at))}" cy="{F(Y(0) - 4)}" r="3" fill="#ff7f0e"/>""");
        }

        // Legend.
        int legendY = Top + 10;
        svg.AppendLine(CultureInfo.InvariantCulture, $"""<line x1="{Left + 20}" y1="{legendY}" x2="{Left + 50}" y2="{legendY}" stroke="#d62728" stroke-dasharray="6 4" stroke-width="2"/><text x="{Left + 56}" y="{legendY + 4}">most the limit allows ({F(ratePerSecond)}/s, burst {burst})</text>""");
        svg.AppendLine(CultureInfo.InvariantCulture, $"""<line x1="{Left + 20}" y1="{legendY + 18}" x2="{Left + 50}" y2="{legendY + 18}" stroke="#1f77b4" stroke-width="2"/><text x="{Left + 56}" y="{legendY + 22}">run by the portal ({result.ShareOfMaximum.ToString("P1", CultureInfo.InvariantCulture)} of the maximum rate)</text>""");
        svg.AppendLine(CultureInfo.InvariantCulture, $"""<circle cx="{Left + 35}" cy="{legendY + 36}" r="3" fill="#ff7f0e"/><text x="{Left + 56}" y="{legendY + 40}">refused with 503 and repeated ({result.Refused})</text>""");
        svg.AppendLine("</svg>");
        return svg.ToString();
    }

    private static string Escape(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal);
}

using System.Globalization;
using System.Text;

namespace Bitrix24.Generator.Fuzz;

/// <summary>The counts of a run per category, the first case of each, and how the generator answered overall.</summary>
internal sealed class FuzzSummary(int seed, FuzzMode mode)
{
    private readonly object _gate = new();
    private readonly Dictionary<FuzzCategory, (int Count, int FirstCase, string Message)> _categories = new();
    private readonly List<TimeSpan> _times = new();

    public int Seed { get; } = seed;

    public FuzzMode Mode { get; } = mode;

    public int Cases { get; private set; }

    /// <summary>Cases where the generator reported at least one B24G error (the expected answer to most edits).</summary>
    public int CasesWithSpecErrors { get; private set; }

    public int CasesWithProblems { get; private set; }

    public int Count(FuzzCategory category)
    {
        lock (_gate)
        {
            return _categories.TryGetValue(category, out var entry) ? entry.Count : 0;
        }
    }

    public void Add(CaseOutcome outcome)
    {
        lock (_gate)
        {
            Cases++;
            _times.Add(outcome.GeneratorTime);
            CasesWithSpecErrors += outcome.GeneratorErrors > 0 ? 1 : 0;
            CasesWithProblems += outcome.IsClean ? 0 : 1;
            foreach (var (category, message) in outcome.Problems)
            {
                _categories[category] = _categories.TryGetValue(category, out var entry)
                    ? (entry.Count + 1, Math.Min(entry.FirstCase, outcome.Number), entry.FirstCase < outcome.Number ? entry.Message : message)
                    : (1, outcome.Number, message);
            }
        }
    }

    /// <summary>A Markdown table: every category with its count and first case, then the generator's times.</summary>
    public string Render()
    {
        lock (_gate)
        {
            var text = new StringBuilder();
            text.Append(CultureInfo.InvariantCulture, $"Seed {Seed}, {Cases} cases, {Mode} mode; {CasesWithSpecErrors} answered with a B24G error, {CasesWithProblems} broke a promise.\n\n");
            text.Append("| category | cases | first case | its message |\n|---|---|---|---|\n");
            text.Append("| process death | 0 | | (this process is still alive) |\n");
            foreach (FuzzCategory category in Enum.GetValues<FuzzCategory>())
            {
                if (_categories.TryGetValue(category, out var entry))
                {
                    text.Append(CultureInfo.InvariantCulture, $"| {category} | {entry.Count} | {entry.FirstCase} | {Escape(entry.Message)} |\n");
                }
                else
                {
                    text.Append(CultureInfo.InvariantCulture, $"| {category} | 0 | | |\n");
                }
            }

            if (_times.Count > 0)
            {
                var sorted = _times.OrderBy(t => t).ToList();
                text.Append(CultureInfo.InvariantCulture,
                    $"\nGenerator time per case: median {sorted[sorted.Count / 2].TotalMilliseconds:F1} ms, max {sorted[^1].TotalMilliseconds:F1} ms.\n");
            }

            return text.ToString();
        }
    }

    private static string Escape(string message)
    {
        string line = message.Replace("\r", "\\r").Replace("\n", "\\n").Replace("|", "\\|");
        return line.Length <= 240 ? line : line.Substring(0, 240) + "...";
    }
}

using System.Globalization;

namespace Bitrix24.Benchmarks.Generator;

/// <summary>
/// Writes the synthetic specs the generator benchmarks run on (<see cref="SyntheticSpecs"/>) to disk,
/// to look at them or to build a project with them:
/// <code>
/// dotnet run -c Release --project tests/Bitrix24.Benchmarks -- specs 500 /tmp/bench-spec
/// </code>
/// The folder takes the place of the repository's <c>spec/</c>: it gets <c>errors.yaml</c>,
/// <c>naming.yaml</c> and one folder per scope (<c>bench0/bench0.group0.item0.finish.yaml</c>, ...).
/// Files already there are overwritten; others are left alone.
/// </summary>
internal static class SyntheticSpecsCommand
{
    private const string Usage = "usage: specs <count> <folder>   (count: how many method specs, 0 or more)";

    /// <returns>0 when written; 2 for bad arguments.</returns>
    public static int Run(string[] args)
    {
        if (args.Length != 2 || !int.TryParse(args[0], NumberStyles.None, CultureInfo.InvariantCulture, out int count))
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        string folder = Path.GetFullPath(args[1]);
        IReadOnlyList<(string Path, string Text)> specs = SyntheticSpecs.Create(count);
        foreach ((string path, string text) in specs)
        {
            string file = Path.Combine(folder, path["spec/".Length..].Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, text);
        }

        Console.WriteLine($"Wrote {count} method specs, errors.yaml and naming.yaml to {folder}");
        return 0;
    }
}

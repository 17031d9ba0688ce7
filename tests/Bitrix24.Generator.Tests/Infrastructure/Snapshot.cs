using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.CodeAnalysis;

namespace Bitrix24.Generator.Tests.Infrastructure;

/// <summary>
/// A small stand-in for Verify.SourceGenerators (not obtainable from this registry) that keeps its
/// file conventions, so switching to Verify later is a drop-in and the .verified files stay valid:
/// <list type="bullet">
/// <item><c>_snapshots/{Class}.{Method}#{HintName without .cs}.verified.cs</c> per generated file,
/// starting with <c>//HintName: {HintName}</c>;</item>
/// <item><c>_snapshots/{Class}.{Method}.verified.txt</c> with the diagnostics, only when there are some;</item>
/// <item>UTF-8 with BOM, <c>\n</c> newlines, no trailing newline added; lines with the generator
/// version (<c>GeneratedCode</c>) scrubbed, as Refit does with Verify;</item>
/// <item>on a mismatch a <c>.received.</c> file is written beside the verified one and the test fails;
/// set <c>SNAPSHOT_ACCEPT=1</c> to write verified files instead (ignored when <c>CI=true</c>), or run
/// <c>accept-snapshots.sh</c> to rename received files.</item>
/// </list>
/// {Class} is the test file's name, which by convention is the test class's name.
/// </summary>
internal static class Snapshot
{
    private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

    public static void Verify(GeneratorDriver driver, [CallerFilePath] string sourceFile = "", [CallerMemberName] string method = "") =>
        Verify(driver.GetRunResult(), sourceFile, method);

    public static void Verify(GeneratorDriverRunResult result, [CallerFilePath] string sourceFile = "", [CallerMemberName] string method = "")
    {
        if (!File.Exists(sourceFile))
        {
            throw new InvalidOperationException(
                $"The test source {sourceFile} is not on disk (a mapped path?); snapshots are found next to it. Build tests without ContinuousIntegrationBuild.");
        }

        string directory = Path.Combine(Path.GetDirectoryName(sourceFile)!, "_snapshots");
        string prefix = Path.GetFileNameWithoutExtension(sourceFile) + "." + method;
        Directory.CreateDirectory(directory);
        DeleteReceived(directory, prefix);

        var exceptions = result.Results.Select(r => r.Exception).OfType<Exception>().ToList();
        if (exceptions.Count > 0)
        {
            throw new AggregateException("The generator threw.", exceptions);
        }

        var targets = new List<(string FileName, string Text)>();
        foreach (GeneratedSourceResult source in result.Results.SelectMany(r => r.GeneratedSources).OrderBy(s => s.HintName, StringComparer.Ordinal))
        {
            string name = Path.GetFileNameWithoutExtension(source.SyntaxTree.FilePath);
            string extension = Path.GetExtension(source.SyntaxTree.FilePath).TrimStart('.');
            targets.Add(($"{prefix}#{name}.verified.{extension}", Scrub("//HintName: " + source.HintName + "\n" + source.SourceText)));
        }

        if (result.Diagnostics.Length > 0)
        {
            targets.Add(($"{prefix}.verified.txt", DiagnosticsText.Render(result.Diagnostics)));
        }

        Compare(directory, prefix, targets);
    }

    private static void Compare(string directory, string prefix, List<(string FileName, string Text)> targets)
    {
        bool accept = Environment.GetEnvironmentVariable("SNAPSHOT_ACCEPT") == "1"
            && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        var problems = new List<string>();

        foreach (var (fileName, text) in targets)
        {
            string verifiedPath = Path.Combine(directory, fileName);
            string? verified = File.Exists(verifiedPath) ? ReadVerified(verifiedPath) : null;
            if (verified == text)
            {
                continue;
            }

            if (accept)
            {
                File.WriteAllText(verifiedPath, text, Utf8WithBom);
                continue;
            }

            File.WriteAllText(verifiedPath.Replace(".verified.", ".received.", StringComparison.Ordinal), text, Utf8WithBom);
            problems.Add(verified is null ? $"New snapshot: {fileName}" : $"Changed: {fileName}\n{FirstDifference(verified, text)}");
        }

        // A verified file this run did not produce is a deletion (Verify treats it the same way).
        var produced = targets.Select(t => t.FileName).ToHashSet(StringComparer.Ordinal);
        foreach (string stale in VerifiedFiles(directory, prefix).Where(f => !produced.Contains(Path.GetFileName(f))))
        {
            if (accept)
            {
                File.Delete(stale);
            }
            else
            {
                problems.Add($"Not produced any more: {Path.GetFileName(stale)}");
            }
        }

        if (problems.Count > 0)
        {
            throw new SnapshotMismatchException(
                $"Snapshot mismatch for {prefix} in {directory}:\n{string.Join("\n", problems)}\n"
                + "Review the .received. files; accept with SNAPSHOT_ACCEPT=1 or tests/Bitrix24.Generator.Tests/accept-snapshots.sh.");
        }
    }

    /// <summary>Files that belong to exactly this test: the main file or its <c>#target</c> files (not a longer method name's).</summary>
    private static IEnumerable<string> VerifiedFiles(string directory, string prefix) =>
        Directory.EnumerateFiles(directory, prefix + "*.verified.*")
            .Where(f => Path.GetFileName(f).StartsWith(prefix + "#", StringComparison.Ordinal)
                || Path.GetFileName(f).StartsWith(prefix + ".verified.", StringComparison.Ordinal));

    private static void DeleteReceived(string directory, string prefix)
    {
        foreach (string file in Directory.EnumerateFiles(directory, prefix + "*.received.*")
                     .Where(f => Path.GetFileName(f).StartsWith(prefix + "#", StringComparison.Ordinal)
                         || Path.GetFileName(f).StartsWith(prefix + ".received.", StringComparison.Ordinal)))
        {
            File.Delete(file);
        }
    }

    private static string ReadVerified(string path)
    {
        string text = File.ReadAllText(path, Encoding.UTF8);
        if (text.Contains('\r'))
        {
            throw new SnapshotMismatchException($"{path} contains CR characters; snapshots are LF only (see .gitattributes).");
        }

        return text;
    }

    private static string Scrub(string text) =>
        string.Join("\n", text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')
            .Where(line => !line.Contains("System.CodeDom.Compiler.GeneratedCode", StringComparison.Ordinal)));

    private static string FirstDifference(string expected, string actual)
    {
        string[] a = expected.Split('\n');
        string[] b = actual.Split('\n');
        for (int i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            string left = i < a.Length ? a[i] : "<end of file>";
            string right = i < b.Length ? b[i] : "<end of file>";
            if (left != right)
            {
                return $"  line {i + 1}\n  - {left}\n  + {right}";
            }
        }

        return "  (same lines; encoding or final newline differs)";
    }
}

/// <summary>A generated file or diagnostic differs from its verified snapshot.</summary>
internal sealed class SnapshotMismatchException(string message) : Exception(message);

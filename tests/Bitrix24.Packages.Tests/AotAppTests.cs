using System.Diagnostics;
using System.Text.RegularExpressions;
using Bitrix24.Tests.Shared;
using Xunit.Abstractions;

namespace Bitrix24.Packages.Tests;

/// <summary>
/// The SDK in a NativeAOT app: the sample bot in AotApp/ (a client from a webhook and from
/// <c>services.AddBitrix24(configuration)</c>, a call, a batch, the method catalog, logging; the whole SDK
/// assembly rooted) is published from the packed feed with <c>PublishAot=true</c>, for each of the SDK's
/// target frameworks, and every trim or AOT warning fails the test. Then the published app runs.
/// </summary>
/// <remarks>
/// <para>
/// The warnings come from ILC, the NativeAOT compiler, which analyzes the IL of the app, the SDK and
/// their dependencies (IL2xxx trim, IL3xxx AOT), and from the analyzers on the app's own code. ILC is a
/// NuGet package and needs no native toolchain; only the last step, linking its object file into an
/// executable, needs clang or gcc. ILC's targets check for that linker before running ILC, so on a
/// machine without one the publish fails having analyzed nothing: the test then publishes the app
/// trimmed and self-contained instead (ILLink analyzes the same IL for IL2xxx warnings, with no
/// toolchain; IL3xxx then come from the analyzers on the app's code only) and says so in its output.
/// When ILC ran but the native link failed (a linker without its libraries), ILC's warnings are all
/// out already and are counted; only running the app is left out.
/// </para>
/// <para>
/// <c>-p:NativeCompilationDuringPublish=false</c> is no way round the linker: with it ILC is not run at
/// all, and the publish is an untrimmed one with nothing to warn about.
/// </para>
/// </remarks>
[Collection(PackedFeedCollection.Name)]
public sealed class AotAppTests(PackedFeed feed, ITestOutputHelper output) : IDisposable
{
    private const string RuntimeIdentifier = "linux-x64";
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(10);

    /// <summary>A line of a publish that reports a problem: any warning, an IL trim/AOT code, or ILC's "will always throw".</summary>
    private static readonly Regex Problem = new(@"\bwarning\b|\bIL[23]\d{3}\b|^\s*ILC:", RegexOptions.IgnoreCase);

    /// <summary>MSBuild's closing count lines, which say "Warning(s)" whatever the count.</summary>
    private static readonly Regex SummaryCount = new(@"^\s*\d+ (Warning|Error)\(s\)\s*$");

    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("b24-aot-app-");

    public void Dispose() => _work.Delete(recursive: true);

    [Theory]
    [InlineData("net10.0")]
    [InlineData("net8.0")]
    public async Task ASampleBot_PublishedWithNativeAot_HasNoTrimOrAotWarning_AndRuns(string targetFramework)
    {
        string app = Path.Combine(_work.FullName, "AotApp");
        SampleApps.CopyInto("AotApp", app);
        feed.WriteNuGetConfig(app);
        // Retargeted in the file, as a user would: restore does not take a TargetFramework given on the command line.
        string csproj = Path.Combine(app, "AotApp.csproj");
        string project = File.ReadAllText(csproj);
        Assert.Contains($"Include=\"Bitrix24.Generated\" Version=\"{PackedFeed.Version}\"", project, StringComparison.Ordinal);
        Assert.Contains("<TargetFramework>net10.0</TargetFramework>", project, StringComparison.Ordinal);
        File.WriteAllText(csproj, project.Replace("<TargetFramework>net10.0</TargetFramework>", $"<TargetFramework>{targetFramework}</TargetFramework>", StringComparison.Ordinal));
        var environment = new Dictionary<string, string?>
        {
            // As in FreshAppTests: only the package just packed can be restored, never an older copy.
            ["NUGET_PACKAGES"] = Path.Combine(_work.FullName, "packages"),
        };

        var publishes = new List<(string Command, DotnetRun Run)>();
        string nativeDirectory = Path.Combine(_work.FullName, "native");
        string[] nativeAot =
        [
            "publish", "-c", "Release", "-r", RuntimeIdentifier, "-p:PublishAot=true",
            "-o", nativeDirectory, "-nodeReuse:false", "-clp:Summary",
        ];
        DotnetRun publish = await Publish(app, environment, nativeAot, publishes);
        string ilcObject = Path.Combine(app, "obj", "Release", targetFramework, RuntimeIdentifier, "native", "AotApp.o");

        string check;
        string? program;
        if (publish.ExitCode == 0)
        {
            Assert.Contains("Generating native code", publish.Out, StringComparison.Ordinal);
            Assert.True(File.Exists(ilcObject), $"ILC's output {ilcObject} is missing: ILC did not compile the app.");
            check = "NativeAOT publish (ILC and native link)";
            program = Path.Combine(nativeDirectory, "AotApp");
        }
        else if (File.Exists(ilcObject))
        {
            check = "NativeAOT publish: ILC ran, the native link failed on this machine, so the app is not run";
            program = null;
            output.WriteLine($"{check}:\n{ErrorLines(publish)}");
        }
        else if (NoNativeToolchain(publish))
        {
            output.WriteLine($"No platform linker (clang or gcc) or objcopy on PATH, so ILC cannot run:\n{ErrorLines(publish)}");
            string trimmedDirectory = Path.Combine(_work.FullName, "trimmed");
            string[] trimmed =
            [
                "publish", "-c", "Release", "-r", RuntimeIdentifier, "-p:PublishAot=false",
                "-p:PublishTrimmed=true", "--self-contained", "-p:EnableAotAnalyzer=true",
                "-o", trimmedDirectory, "-nodeReuse:false", "-clp:Summary",
            ];
            DotnetRun trimmedPublish = await Publish(app, environment, trimmed, publishes);
            Assert.True(trimmedPublish.ExitCode == 0, $"dotnet {string.Join(' ', trimmed)}\n{trimmedPublish}");
            Assert.Contains("Optimizing assemblies for size", trimmedPublish.Out, StringComparison.Ordinal);
            check = "trimmed self-contained publish (ILLink; no native toolchain for ILC)";
            program = Path.Combine(trimmedDirectory, "AotApp");
        }
        else
        {
            Assert.Fail($"dotnet {string.Join(' ', nativeAot)}\n{publish}");
            return;
        }

        output.WriteLine($"Check ({targetFramework}): {check}");
        int count = 0;
        var report = new List<string>();
        foreach ((string command, DotnetRun run) in publishes)
        {
            List<string> lines = ProblemLines(run);
            output.WriteLine($"{command}\n  warning lines (IL2xxx, IL3xxx, any other): {lines.Count}");
            count += lines.Count;
            report.AddRange(lines.Count == 0 ? [] : [command, .. lines.Select(line => "  " + line)]);
        }

        Assert.True(count == 0, $"{count} warning line(s) publishing the sample bot for {targetFramework} ({check}):\n{string.Join('\n', report)}");
        foreach ((string command, DotnetRun run) in publishes)
        {
            // MSBuild's own count agrees, so a warning worded in a way the pattern misses still fails.
            Assert.True(run.Out.Contains("    0 Warning(s)", StringComparison.Ordinal), $"{command}: MSBuild counted warnings\n{run}");
        }

        if (program is not null)
        {
            DotnetRun bot = await DotnetProcess.RunProgramAsync(program, app, [], TimeSpan.FromMinutes(1));
            output.WriteLine($"{program}:\n{bot.Out}{bot.Error}");
            Assert.True(bot.ExitCode == 0, $"{program}\n{bot}");
            Assert.Contains("  imopenlines.bot.session.message.send(ChatId, Name, Message)", bot.Out, StringComparison.Ordinal);
            Assert.Contains("webhook send: True", bot.Out, StringComparison.Ordinal);
            Assert.Contains("batch: Succeeded True, Succeeded True", bot.Out, StringComparison.Ordinal);
            Assert.Contains("configured send: ConnectionFailed, may have reached the portal: False", bot.Out, StringComparison.Ordinal);
            Assert.Contains("Bitrix24 imopenlines.bot.session.message.send on 127.0.0.1: HTTP 200", bot.Out, StringComparison.Ordinal);
            Assert.DoesNotContain("aotappcode", bot.Out + bot.Error, StringComparison.Ordinal);
        }
    }

    private async Task<DotnetRun> Publish(
        string app, IReadOnlyDictionary<string, string?> environment, string[] arguments, List<(string Command, DotnetRun Run)> publishes)
    {
        string command = "dotnet " + string.Join(' ', arguments);
        var stopwatch = Stopwatch.StartNew();
        DotnetRun run = await DotnetProcess.RunAsync(app, arguments, PublishTimeout, environment);
        output.WriteLine($"{command}\n  exit {run.ExitCode} after {stopwatch.Elapsed.TotalSeconds:F0} s");
        publishes.Add((command, run));
        return run;
    }

    /// <summary>The distinct lines reporting a problem (MSBuild repeats each warning in its summary).</summary>
    private static List<string> ProblemLines(DotnetRun run) =>
        (run.Out + "\n" + run.Error).Split('\n')
            .Select(line => line.TrimEnd('\r'))
            .Where(line => Problem.IsMatch(line) && !SummaryCount.IsMatch(line))
            .Distinct(StringComparer.Ordinal)
            .ToList();

    private static string ErrorLines(DotnetRun run) =>
        string.Join('\n', (run.Out + "\n" + run.Error).Split('\n')
            .Select(line => line.TrimEnd('\r'))
            .Where(line => line.Contains("error", StringComparison.OrdinalIgnoreCase) && !SummaryCount.IsMatch(line))
            .Distinct(StringComparer.Ordinal));

    /// <summary>ILC's targets stopped before ILC because the linker or the symbol stripper is not on PATH.</summary>
    private static bool NoNativeToolchain(DotnetRun run) =>
        !run.Out.Contains("Generating native code", StringComparison.Ordinal)
        && run.Out.Contains("Microsoft.NETCore.Native.Unix.targets", StringComparison.Ordinal)
        && run.Out.Contains("not found in PATH", StringComparison.Ordinal);
}

using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Bitrix24.Tests.Shared;
using Xunit.Abstractions;

namespace Bitrix24.Packages.Tests;

/// <summary>
/// What a user does: a new net8.0 console app, a nuget.config pointing at the packed feed, the three
/// packages added, a spec file of its own under spec/, then build and run. The app calls the SDK's
/// send method and its own generated method against the emulator package.
/// </summary>
[Collection(PackedFeedCollection.Name)]
public sealed class FreshAppTests(PackedFeed feed, ITestOutputHelper output) : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("b24-fresh-app-");

    public void Dispose() => _work.Delete(recursive: true);

    [Fact]
    public async Task AFreshNet8App_FromTheFeedAlone_BuildsWithoutWarnings_AndCallsBuiltInAndOwnMethods()
    {
        string app = Path.Combine(_work.FullName, "SupportBot");
        var environment = new Dictionary<string, string?>
        {
            // Packages land in a folder of this test only, so a package of the same version restored
            // earlier can never stand in for the one just packed.
            ["NUGET_PACKAGES"] = Path.Combine(_work.FullName, "packages"),
            // The machine has the .NET 10 runtime only; a net8.0 app runs on it by rolling forward.
            ["DOTNET_ROLL_FORWARD"] = "Major",
        };

        // This SDK's template offers net10.0 only; the app is retargeted the way a user would.
        await Dotnet(_work.FullName, environment, "new", "console", "--name", "SupportBot", "--output", app);
        string csproj = Path.Combine(app, "SupportBot.csproj");
        File.WriteAllText(csproj, File.ReadAllText(csproj).Replace("<TargetFramework>net10.0</TargetFramework>", "<TargetFramework>net8.0</TargetFramework>", StringComparison.Ordinal));
        feed.WriteNuGetConfig(app);
        await Dotnet(app, environment, "add", "package", "Bitrix24.Generated", "--version", PackedFeed.Version);
        await Dotnet(app, environment, "add", "package", "Bitrix24.Generated.Generator", "--version", PackedFeed.Version);
        await Dotnet(app, environment, "add", "package", "Bitrix24.Generated.Emulator", "--version", PackedFeed.Version);
        await Dotnet(app, environment, "add", "package", "Microsoft.Extensions.Logging.Console", "--version", "8.0.1");
        SampleApps.CopyInto("FreshApp", app);

        string project = File.ReadAllText(Path.Combine(app, "SupportBot.csproj"));
        Assert.Contains("<TargetFramework>net8.0</TargetFramework>", project, StringComparison.Ordinal);
        // A development dependency is added as private: the app's own consumers never get the generator.
        Assert.Matches("Include=\"Bitrix24.Generated.Generator\"[^>]*>(\\s*<[^/][^>]*>[^<]*</[^>]+>)*?\\s*<PrivateAssets>all</PrivateAssets>", project);

        DotnetRun build = await Dotnet(app, environment, "build", "-c", "Release", "-nodeReuse:false", "-p:TreatWarningsAsErrors=true");
        string buildOutput = build.Out + build.Error;
        Assert.DoesNotContain("CS9057", buildOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("CS8784", buildOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("CS8785", buildOutput, StringComparison.Ordinal);
        Assert.Contains("0 Warning(s)", buildOutput, StringComparison.Ordinal);

        // The own method is compiled into the app's assembly; the SDK's types are not generated again there.
        var types = TypeNames(Path.Combine(app, "bin", "Release", "net8.0", "SupportBot.dll"));
        Assert.Contains("Bitrix24.ImBot.ImBotChatLeaveRequest", types);
        Assert.Contains("Bitrix24.AppBitrix24Extensions", types);
        Assert.DoesNotContain("Bitrix24.Bitrix24ErrorCode", types);
        Assert.DoesNotContain("Bitrix24.ImOpenLines.ImOpenLinesBotSessionMessageSendRequest", types);

        DotnetRun run = await Dotnet(app, environment, "run", "-c", "Release", "--no-build");
        Assert.Contains("built-in method: True", run.Out, StringComparison.Ordinal);
        Assert.Contains("own method: True", run.Out, StringComparison.Ordinal);
        Assert.Contains("own method error: CHAT_ID_EMPTY (400)", run.Out, StringComparison.Ordinal);
        Assert.Contains("transcript: ", run.Out, StringComparison.Ordinal);
        Assert.Contains("Support Bot [system]: Hello from a fresh app", run.Out, StringComparison.Ordinal);
        Assert.Contains("Support Bot [system]: Support Bot left the chat", run.Out, StringComparison.Ordinal);
        // The SDK's log line of each call, through the app's own logger; the webhook code never appears.
        Assert.Contains("Bitrix24 imopenlines.bot.session.message.send on 127.0.0.1: HTTP 200", run.Out, StringComparison.Ordinal);
        Assert.Contains("Bitrix24 imbot.chat.leave on 127.0.0.1: HTTP 200", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("emulatorhookcode", run.Out + run.Error, StringComparison.Ordinal);
        output.WriteLine(run.Out);
    }

    private static HashSet<string> TypeNames(string assemblyPath)
    {
        using var pe = new PEReader(File.OpenRead(assemblyPath));
        MetadataReader metadata = pe.GetMetadataReader();
        return metadata.TypeDefinitions
            .Select(metadata.GetTypeDefinition)
            .Select(t => metadata.GetString(t.Namespace) + "." + metadata.GetString(t.Name))
            .ToHashSet(StringComparer.Ordinal);
    }

    private static async Task<DotnetRun> Dotnet(string directory, IReadOnlyDictionary<string, string?> environment, params string[] arguments)
    {
        DotnetRun run = await DotnetProcess.RunAsync(directory, arguments, TimeSpan.FromMinutes(10), environment);
        Assert.True(run.ExitCode == 0, $"dotnet {string.Join(' ', arguments)}\n{run}");
        return run;
    }
}

using Bitrix24.Generator.Tests.Infrastructure;
using Bitrix24.Generator.Tests.TestSpecs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Bitrix24.Generator.Tests;

/// <summary>
/// The generator in an app (the generator package without <c>Bitrix24GenerateSdk</c>): the app's own
/// specs become methods in its assembly, on the SDK's runtime, reached through <c>client.App()</c>;
/// what the referenced SDK already has cannot be declared again.
/// </summary>
public sealed class AppGenerationTests
{
    private const string AppProgram = """
        using Bitrix24;
        using Bitrix24.ImBot;
        using Bitrix24.ImOpenLines;

        internal static class SupportBot
        {
            public static async System.Threading.Tasks.Task RunAsync(Bitrix24Client client, System.Threading.CancellationToken ct)
            {
                // The SDK's method and the app's own, side by side.
                bool sent = await client.ImOpenLines.Bot.Session.Message.SendAsync(chatId: 112, name: AutoMessageType.Default, message: "Hi", cancellationToken: ct);
                bool left = await client.App().ImBot.Chat.LeaveAsync(chatId: 112, botId: 7, cancellationToken: ct);
                left &= await client.App().ImBot.Chat.LeaveAsync(new ImBotChatLeaveRequest { ChatId = 112 }, ct);
                Bitrix24Response<bool> taken = await client.App().ImOpenLines.Bot.Session.InterceptWithResponseAsync(new ImOpenLinesBotSessionInterceptRequest { ChatId = 112 }, ct);

                Bitrix24Batch batch = client.CreateBatch(halt: true);
                Bitrix24BatchItem<bool> a = batch.ImOpenLines.Bot.Session.Finish(112);
                Bitrix24BatchItem<bool> b = batch.App().ImBot.Chat.Leave(chatId: 112);
                await batch.ExecuteAsync(ct);

                try
                {
                    await client.App().ImBot.Chat.LeaveAsync(0, cancellationToken: ct);
                }
                catch (Bitrix24ApiException e) when (e.Code == "BOT_NOT_IN_CHAT" || e.ErrorCode == Bitrix24ErrorCode.ChatIdEmpty)
                {
                }

                AppApi app = client.App();
                AppImBotChatApi chat = app.ImBot.Chat;
            }
        }
        """;

    [Fact]
    public void AppSpecs_Snapshot()
    {
        var (_, _, driver) = GeneratorHarness.CompileApp(AppSpecs.All());

        Snapshot.Verify(driver);
    }

    [Fact]
    public void AppSpecs_CompileWithoutWarnings_BesideTheSdksMethods()
    {
        var (output, generatorDiagnostics, _) = GeneratorHarness.CompileApp(AppSpecs.All(), sources: AppProgram);

        Assert.Empty(generatorDiagnostics);
        CompilationAssert.NoWarnings(output);
        // The app's methods live in the app's assembly; the SDK's are not generated again.
        var generated = GeneratedTypeNames(output);
        Assert.Contains("Bitrix24.ImBot.ImBotChatLeaveRequest", generated);
        Assert.Contains("Bitrix24.AppBitrix24Extensions", generated);
        Assert.DoesNotContain("Bitrix24.Bitrix24ErrorCode", generated);
        Assert.DoesNotContain("Bitrix24.ImOpenLines.ImOpenLinesBotSessionMessageSendRequest", generated);
    }

    [Fact]
    public void AppAssembly_ListsItsMethods_SoAnotherProjectCannotDeclareThemAgain()
    {
        var (output, _, _) = GeneratorHarness.CompileApp(AppSpecs.All());

        var attribute = Assert.Single(output.Assembly.GetAttributes(), a => a.AttributeClass?.Name == "Bitrix24GeneratedMethodsAttribute");
        Assert.Equal(
            ["imbot.chat.leave", "imopenlines.bot.session.intercept"],
            attribute.ConstructorArguments[0].Values.Select(v => (string)v.Value!));
    }

    [Fact]
    public void TheAccessor_CanBeRenamed_WithAnMsBuildProperty()
    {
        const string program = """
            using Bitrix24;
            internal static class Use
            {
                public static System.Threading.Tasks.Task<bool> LeaveAsync(Bitrix24Client client) => client.Support().ImBot.Chat.LeaveAsync(112);
                public static Bitrix24BatchItem<bool> Queue(Bitrix24Batch batch) => batch.Support().ImBot.Chat.Leave(112);
            }
            """;
        var (output, generatorDiagnostics, _) = GeneratorHarness.CompileApp(AppSpecs.All(), GeneratorHarness.AppOptions("Support"), sources: program);

        Assert.Empty(generatorDiagnostics);
        CompilationAssert.NoWarnings(output);
        Assert.Contains("Bitrix24.ImBot.SupportImBotChatApi", GeneratedTypeNames(output));
    }

    [Theory]
    [InlineData("support", "a C# name starting with an upper-case letter, such as App or Crm")]
    [InlineData("1App", "a C# name starting with an upper-case letter, such as App or Crm")]
    [InlineData("CreateBatch", "a name that Bitrix24Client and Bitrix24Batch do not already use")]
    [InlineData("ExecuteAsync", "a name that Bitrix24Client and Bitrix24Batch do not already use")]
    public void AnUnusableAccessorName_IsB24G4001_AndNothingIsGenerated(string accessor, string expectation)
    {
        var (output, generatorDiagnostics, driver) = GeneratorHarness.CompileApp(AppSpecs.All(), GeneratorHarness.AppOptions(accessor));

        var diagnostic = Assert.Single(generatorDiagnostics);
        Assert.Equal("B24G4001", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal($"The MSBuild property Bitrix24ClientAccessor is '{accessor}'; it must be {expectation}", diagnostic.GetMessage());
        Assert.Empty(driver.GetRunResult().GeneratedTrees);
        CompilationAssert.NoErrors(output);
    }

    [Fact]
    public void ASpecOfAMethodTheSdkHas_IsB24G2007_AtTheMethodName_AndTheOtherMethodsStillGenerate()
    {
        string copy = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "spec/imopenlines/imopenlines.bot.session.finish.yaml"));
        var specs = AppSpecs.All().Append(new InMemoryAdditionalText("spec/imopenlines/imopenlines.bot.session.finish.yaml", copy));

        var (output, generatorDiagnostics, _) = GeneratorHarness.CompileApp(specs, sources: AppProgram);

        var diagnostic = Assert.Single(generatorDiagnostics);
        Assert.Equal("B24G2007", diagnostic.Id);
        Assert.Equal(
            "Method 'imopenlines.bot.session.finish' is already generated in the referenced assembly Bitrix24.Generated; call it from there and delete this spec, or keep it only in one place",
            diagnostic.GetMessage());
        var position = diagnostic.Location.GetLineSpan();
        Assert.Equal("spec/imopenlines/imopenlines.bot.session.finish.yaml", position.Path);
        Assert.Equal(copy.Split('\n').ToList().FindIndex(l => l.StartsWith("method:", StringComparison.Ordinal)), position.StartLinePosition.Line);
        CompilationAssert.NoErrors(output);
        Assert.DoesNotContain("Bitrix24.ImOpenLines.ImOpenLinesBotSessionFinishRequest", GeneratedTypeNames(output));
    }

    [Fact]
    public void ALibraryWithSpecs_IsSeenLikeTheSdk_ByTheAppThatReferencesIt()
    {
        // A library with its own specs and accessor, then an app that references it, uses both accessors,
        // and (by mistake) declares one of the library's methods again.
        var (library, libraryDiagnostics, _) = GeneratorHarness.CompileApp(
            AppSpecs.All(), GeneratorHarness.AppOptions("Crm"), referenceSdk: true, "Contoso.Crm", []);
        Assert.Empty(libraryDiagnostics);
        CompilationAssert.NoErrors(library);
        const string program = """
            using Bitrix24;
            internal static class Use
            {
                public static System.Threading.Tasks.Task<bool> LeaveAsync(Bitrix24Client client) => client.Crm().ImBot.Chat.LeaveAsync(112);
                public static System.Threading.Tasks.Task<bool> GreetAsync(Bitrix24Client client) => client.App().ImBot.Bot.GreetAsync(112);
            }
            """;
        var specs = new[]
        {
            new InMemoryAdditionalText(AppSpecs.NamingPath, AppSpecs.Naming),
            new InMemoryAdditionalText(AppSpecs.ChatLeavePath, AppSpecs.ChatLeave),
            new InMemoryAdditionalText("spec/imbot/imbot.bot.greet.yaml", "method: imbot.bot.greet\nparams:\n  - name: CHAT_ID\n    type: int\n    required: true\nresult:\n  type: bool\n"),
        };

        var (output, generatorDiagnostics, _) = GeneratorHarness.CompileApp(
            specs, GeneratorHarness.AppOptions(), referenceSdk: true, "Contoso.SupportBot", [library.ToMetadataReference()], program);

        var diagnostic = Assert.Single(generatorDiagnostics);
        Assert.Equal("B24G2007", diagnostic.Id);
        Assert.Contains("'imbot.chat.leave' is already generated in the referenced assembly Contoso.Crm", diagnostic.GetMessage(), StringComparison.Ordinal);
        CompilationAssert.NoWarnings(output);
    }

    [Fact]
    public void AnEnumNamedLikeOneOfTheSdks_IsANameCollisionNamingTheSdk()
    {
        const string spec = """
            method: imopenlines.bot.session.greet
            params:
              - name: NAME
                type: AutoMessageType
            result:
              type: bool
            enums:
              AutoMessageType:
                values: [HELLO, BYE]
            """;
        var specs = AppSpecs.All().Append(new InMemoryAdditionalText("spec/imopenlines/imopenlines.bot.session.greet.yaml", spec));

        var (output, generatorDiagnostics, _) = GeneratorHarness.CompileApp(specs);

        var diagnostic = Assert.Single(generatorDiagnostics);
        Assert.Equal("B24G2006", diagnostic.Id);
        Assert.Contains("type Bitrix24.ImOpenLines.AutoMessageType of the referenced assembly Bitrix24.Generated", diagnostic.GetMessage(), StringComparison.Ordinal);
        CompilationAssert.NoErrors(output);
    }

    [Fact]
    public void WithoutTheRuntime_OnlyB24G4002_IsReported_AndNothingIsGenerated()
    {
        var (_, generatorDiagnostics, driver) = GeneratorHarness.CompileApp(AppSpecs.All(), referenceSdk: false);

        var diagnostic = Assert.Single(generatorDiagnostics);
        Assert.Equal("B24G4002", diagnostic.Id);
        Assert.Equal(Location.None, diagnostic.Location);
        Assert.Contains("add the Bitrix24.Generated package", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(driver.GetRunResult().GeneratedTrees);
    }

    [Fact]
    public void OnlyTheSdksNamingFile_IsNotAnError_WithoutTheRuntime()
    {
        // The package hands every project the SDK's naming.yaml; a project without specs of its own is left alone.
        var (_, generatorDiagnostics, _) = GeneratorHarness.CompileApp([new InMemoryAdditionalText(AppSpecs.NamingPath, AppSpecs.Naming)], referenceSdk: false);

        Assert.Empty(generatorDiagnostics);
    }

    [Fact]
    public void AnAppWithoutSpecsOfItsOwn_GetsNothingGenerated()
    {
        // The package's naming file alone: no empty client.App() accessor, no method list.
        var (output, generatorDiagnostics, driver) = GeneratorHarness.CompileApp([new InMemoryAdditionalText(AppSpecs.NamingPath, AppSpecs.Naming)]);

        Assert.Empty(generatorDiagnostics);
        Assert.Empty(driver.GetRunResult().GeneratedTrees);
        CompilationAssert.NoErrors(output);
    }

    [Fact]
    public void EditingTheAppsCSharp_ReRunsNothingAfterTheReferenceCheck()
    {
        CSharpCompilation compilation = GeneratorHarness.AppCompilation(referenceSdk: true, AppProgram);
        GeneratorDriver driver = GeneratorHarness.CreateAppDriver(AppSpecs.All(), GeneratorHarness.AppOptions()).RunGenerators(compilation);

        SyntaxTree tree = compilation.SyntaxTrees.Single();
        CSharpCompilation edited = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(tree.GetText().Replace(0, 0, "// edited\n")));
        GeneratorRunResult run = driver.RunGenerators(edited).GetRunResult().Results.Single();

        Assert.All(run.TrackedSteps[TrackingNames.ReferencedApi].SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Unchanged, o.Reason));
        Assert.All(run.TrackedSteps[TrackingNames.BuildSdk].SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
        Assert.All(run.TrackedOutputSteps.SelectMany(kv => kv.Value).SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    private static HashSet<string> GeneratedTypeNames(Compilation output) =>
        output.SyntaxTrees
            .Where(t => t.FilePath.EndsWith(".g.cs", StringComparison.Ordinal) && t.FilePath.Contains("SpecGenerator", StringComparison.Ordinal))
            .SelectMany(t => t.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.BaseTypeDeclarationSyntax>()
                .Select(d => output.GetSemanticModel(t).GetDeclaredSymbol(d)!.ToDisplayString()))
            .ToHashSet(StringComparer.Ordinal);
}

using System.Reflection;
using System.Runtime.Loader;
using Bitrix24.Generator.Tests.Infrastructure;
using Bitrix24.Generator.Tests.TestSpecs;
using Bitrix24.Emulator;
using Bitrix24.Emulator.Auth;
using Bitrix24.Emulator.Methods;
using Bitrix24.Emulator.Recording;
using Bitrix24.Emulator.Wire;
using Microsoft.CodeAnalysis;

namespace Bitrix24.Generator.Tests;

/// <summary>
/// Generated code compiled the way the SDK build compiles it (runtime sources + generator output,
/// C# 12, XML docs checked): no warnings, the public names of the API contract exist, a broken spec
/// stops at a B24G diagnostic, and a spec added in memory becomes a method that really calls out.
/// </summary>
public sealed class CompileTests
{
    [Fact]
    public void RealSpecs_CompileWithoutWarnings()
    {
        var (output, generatorDiagnostics, _) = GeneratorHarness.CompileSdk(RepositoryFiles.RealSpecs());

        Assert.Empty(generatorDiagnostics);
        CompilationAssert.NoWarnings(output);
    }

    [Fact]
    public void EveryTypeAndFeature_CompilesWithoutWarnings()
    {
        var specs = FeatureSpecs.All().Select(s => new InMemoryAdditionalText(s.Path, s.Text));
        var (output, generatorDiagnostics, _) = GeneratorHarness.CompileSdk(specs);

        Assert.Empty(generatorDiagnostics);
        CompilationAssert.NoWarnings(output);
    }

    [Fact]
    public void EveryObjectTypeFeature_CompilesWithoutWarnings()
    {
        var specs = ObjectTypeSpecs.All().Select(s => new InMemoryAdditionalText(s.Path, s.Text));
        var (output, generatorDiagnostics, _) = GeneratorHarness.CompileSdk(specs);

        Assert.Empty(generatorDiagnostics);
        CompilationAssert.NoWarnings(output);
    }

    [Fact]
    public void PublicNamesOfTheApiContract_Compile()
    {
        const string userProgram = """
            using Bitrix24;
            using Bitrix24.ImOpenLines;

            public static class ApiContract
            {
                public static async System.Threading.Tasks.Task UseAsync(System.Threading.CancellationToken ct)
                {
                    using var client = new Bitrix24Client(Bitrix24ClientOptions.Webhook("https://example.bitrix24.com/rest/1/abc123xyz/"));
                    bool ok = await client.ImOpenLines.Bot.Session.Message.SendAsync(chatId: 112, name: AutoMessageType.Default, message: "Hello! How can I assist you?");
                    ok &= await client.ImOpenLines.Bot.Session.Message.SendAsync(new ImOpenLinesBotSessionMessageSendRequest { ChatId = 112, Name = AutoMessageType.Welcome }, ct);
                    Bitrix24Response<bool> r = await client.ImOpenLines.Bot.Session.Message.SendWithResponseAsync(new ImOpenLinesBotSessionMessageSendRequest { ChatId = 112 }, ct);
                    System.DateTimeOffset? start = r.Time.Start;
                    System.TimeSpan? duration = r.Time.Duration;
                    try
                    {
                        ok &= await client.ImOpenLines.Bot.Session.OperatorAsync(chatId: 112, cancellationToken: ct);
                        ok &= await client.ImOpenLines.Bot.Session.TransferAsync(chatId: 112, transferId: "queue5", leave: true);
                        ok &= await client.ImOpenLines.Bot.Session.FinishAsync(112);
                    }
                    catch (Bitrix24ApiException e) when (e.ErrorCode == Bitrix24ErrorCode.ChatIdEmpty)
                    {
                        string code = e.Code; string description = e.Description; int status = e.StatusCode; string method = e.Method;
                    }
                    catch (Bitrix24TransportException e) when (e.StatusCode is 502)
                    {
                    }

                    var batch = client.CreateBatch(halt: false);
                    Bitrix24BatchItem<bool> a = batch.ImOpenLines.Bot.Session.Message.Send(chatId: 112, name: AutoMessageType.Default, message: "Hi");
                    Bitrix24BatchItem<bool> b = batch.ImOpenLines.Bot.Session.Operator(new ImOpenLinesBotSessionOperatorRequest { ChatId = 112 });
                    await batch.ExecuteAsync(ct);
                    ok &= a.Result;
                    Bitrix24ApiException? error = b.Error;
                    Bitrix24BatchItemStatus itemStatus = a.Status;
                    foreach (Bitrix24BatchItem item in batch.Items)
                    {
                        string key = item.Key; string itemMethod = item.Method; Bitrix24ResponseTime? itemTime = item.Time;
                    }
                }
            }
            """;

        var (output, generatorDiagnostics, _) = GeneratorHarness.CompileSdk(RepositoryFiles.RealSpecs(), userProgram);

        Assert.Empty(generatorDiagnostics);
        CompilationAssert.NoErrors(output);
    }

    [Fact]
    public void AMethodNamedLikeAGroup_CompilesWithoutWarnings_ItsBatchMethodRenamed()
    {
        // calendar.event.get and calendar.event.get.nearest: the batch group has both a Get group and GetCommand(...).
        const string get = "method: calendar.event.get\nparams:\n  - name: ID\n    type: int\nresult:\n  type: string\n";
        var specs = RepositoryFiles.RealSpecs().Concat(
        [
            new InMemoryAdditionalText("spec/calendar/calendar.event.get.yaml", get),
            new InMemoryAdditionalText("spec/calendar/calendar.event.get.nearest.yaml", get.Replace("calendar.event.get", "calendar.event.get.nearest")),
        ]);
        const string userProgram = """
            /// <summary>Queues both methods.</summary>
            public static class UserProgram
            {
                /// <summary>Queues both methods.</summary>
                public static void Queue(Bitrix24.Bitrix24Batch batch)
                {
                    Bitrix24.Bitrix24BatchItem<string?> one = batch.Calendar.Event.GetCommand(id: 1);
                    Bitrix24.Bitrix24BatchItem<string?> nearest = batch.Calendar.Event.Get.Nearest();
                }
            }
            """;

        var (output, generatorDiagnostics, _) = GeneratorHarness.CompileSdk(specs, userProgram);

        Assert.Empty(generatorDiagnostics);
        CompilationAssert.NoWarnings(output);
    }

    [Fact]
    public void BrokenSpecs_StopAtB24GDiagnostics_WithoutCSharpErrorsOrGeneratorCrash()
    {
        var specs = RepositoryFiles.RealSpecs().Concat(
        [
            new InMemoryAdditionalText("spec/imbot/imbot.chat.leave.yaml", "method: imbot.chat.leave\nparams:\n  - name: CHAT_ID\n    type: integr\nresult:\n  type: bool\n"),
            new InMemoryAdditionalText("spec/imbot/imbot.chat.get.yaml", "method: imbot.chat.get\nparams: [\n  - name: CHAT_ID\nresult:\n  type: bool\n"),
        ]);

        var (output, generatorDiagnostics, driver) = GeneratorHarness.CompileSdk(specs);

        Assert.Equal(
            ["B24G0001 spec/imbot/imbot.chat.get.yaml(3,3)", "B24G1003 spec/imbot/imbot.chat.leave.yaml(4,11)"],
            generatorDiagnostics.Select(d => $"{d.Id} {d.FileLineColumn()}").Order(StringComparer.Ordinal));
        Assert.DoesNotContain(generatorDiagnostics, d => d.Id is "CS8784" or "CS8785");
        Assert.All(driver.GetRunResult().Results, r => Assert.Null(r.Exception));
        CompilationAssert.NoErrors(output);
    }

    [Fact]
    public async Task AFifthSpecInMemory_BecomesACallableMethod()
    {
        const string fifthSpec = """
            method: imbot.chat.setOwner
            summary: Makes a user the owner of a chat the bot is in.
            scopes: [imbot]
            idempotent: true
            params:
              - name: CHAT_ID
                type: int
                required: true
              - name: USER_ID
                type: int
                required: true
              - name: BOT_ID
                type: int
            result:
              type: bool
            """;
        const string userProgram = """
            /// <summary>A user's program calling the new method.</summary>
            public static class UserProgram
            {
                /// <summary>Calls imbot.chat.setOwner.</summary>
                public static async System.Threading.Tasks.Task<bool> RunAsync(string webhookUrl)
                {
                    using var client = new Bitrix24.Bitrix24Client(Bitrix24.Bitrix24ClientOptions.Webhook(webhookUrl));
                    return await client.ImBot.Chat.SetOwnerAsync(chatId: 112, userId: 7);
                }
            }
            """;
        var specs = RepositoryFiles.RealSpecs().Append(new InMemoryAdditionalText("spec/imbot/imbot.chat.setOwner.yaml", fifthSpec));
        var (output, generatorDiagnostics, _) = GeneratorHarness.CompileSdk(specs, userProgram);
        Assert.Empty(generatorDiagnostics);
        CompilationAssert.NoWarnings(output);

        // The emulator does not know the new method; a test (or a user) teaches it in a few lines.
        var options = new EmulatedPortalOptions();
        options.Methods.Add(new EmulatedMethod("imbot.chat.setOwner", ["imbot"], call =>
            PhpValue.ToInt(call.Parameters["CHAT_ID"]) > 0 && PhpValue.ToInt(call.Parameters["USER_ID"]) > 0
                ? true
                : throw new EmulatedRestException(400, "WRONG_REQUEST", "CHAT_ID and USER_ID are required")));
        await using var portal = await EmulatedPortal.StartAsync(options);
        var context = new AssemblyLoadContext("FifthSpec", isCollectible: true);
        try
        {
            using var image = new MemoryStream();
            Assert.True(output.Emit(image).Success);
            image.Position = 0;
            Assembly sdk = context.LoadFromStream(image);
            MethodInfo run = sdk.GetType("UserProgram", throwOnError: true)!.GetMethod("RunAsync")!;

            bool result = await (Task<bool>)run.Invoke(null, [portal.WebhookUrl.ToString()])!;

            Assert.True(result);
            ReceivedRequest request = Assert.Single(portal.Requests.All);
            Assert.Equal("imbot.chat.setOwner", request.Method);
            Assert.Equal(EmulatedAuthKind.Webhook, request.AuthKind);
            Assert.Equal("""{"CHAT_ID":112,"USER_ID":7}""", request.Body);
        }
        finally
        {
            context.Unload();
        }
    }
}

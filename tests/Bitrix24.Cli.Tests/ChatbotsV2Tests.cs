using Bitrix24.Cli.Tests.Infrastructure;
using Bitrix24.Emulator;
using Bitrix24.Emulator.State;
using Bitrix24.ImBot;

namespace Bitrix24.Cli.Tests;

/// <summary>
/// Chatbots 2.0 from the command line, end to end against the emulator: <c>fields</c> given as JSON is
/// checked against the spec's object types and sent as the typed SDK sends it.
/// </summary>
public sealed class ChatbotsV2Tests
{
    private const string Send = "imbot.v2.Chat.Message.send";
    private static readonly string[] Bot = ["--bot-id", "7", "--bot-token", DemoPortal.BotClientId, "--dialog-id", "chat112"];

    [Fact]
    public async Task Message_send_with_fields_as_json_posts_into_chat_112_and_shows_the_transcript()
    {
        CliRun run = await CliRunner.RunAsync([Send, .. Bot, "--fields", """{"message":"Hi"}"""], CliRunner.NoEnvironment);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("/rest/1/***/" + Send, run.Out, StringComparison.Ordinal);
        Assert.Contains("""Body:    {"botId":7,"botToken":"***","dialogId":"chat112","fields":{"message":"Hi"}}""", run.Out, StringComparison.Ordinal);
        Assert.Contains("\"id\":", run.Out, StringComparison.Ordinal);
        Assert.Contains("Chat 112 transcript (emulator):", run.Out, StringComparison.Ordinal);
        Assert.Matches(@"\d\d:\d\d:\d\d  Support Bot: Hi", run.Out);
        Assert.Equal(string.Empty, run.Error);
    }

    [Fact]
    public async Task The_body_is_the_one_the_typed_sdk_sends_for_the_same_message()
    {
        await using EmulatedPortal portal = await EmulatedPortal.StartAsync();
        const string fields = """{"message":"Choose","keyboard":{"BUTTONS":[{"TEXT":"Yes","COMMAND":"yes","BLOCK":true},{"TEXT":"No","COMMAND":"no","DISABLED":false}]},"urlPreview":false}""";

        CliRun run = await CliRunner.RunAsync([Send, .. Bot, "--fields", fields, "--webhook", portal.WebhookUrl.ToString()], CliRunner.NoEnvironment);
        Assert.True(run.ExitCode == 0, run.ToString());

        using var client = new Bitrix24Client(Bitrix24ClientOptions.Webhook(portal.WebhookUrl));
        await client.ImBot.V2.Chat.Message.SendAsync(new ImBotV2ChatMessageSendRequest
        {
            BotId = DemoPortal.BotId,
            BotToken = DemoPortal.BotClientId,
            DialogId = "chat112",
            Fields = new()
            {
                Message = "Choose",
                Keyboard = new() { Buttons = [new() { Text = "Yes", Command = "yes", Block = true }, new() { Text = "No", Command = "no", Disabled = false }] },
                UrlPreview = false,
            },
        });

        string[] bodies = portal.Requests.For(Send).Select(request => request.Body).ToArray();
        Assert.Equal(2, bodies.Length);
        Assert.Equal(bodies[1], bodies[0]);
        Assert.Contains("\"BLOCK\":\"Y\"", bodies[0], StringComparison.Ordinal);
        Assert.Contains("\"DISABLED\":\"N\"", bodies[0], StringComparison.Ordinal);

        // The emulator keeps the keyboard as it arrived.
        TranscriptMessage sent = portal.State.GetChat(DemoPortal.ChatId).Transcript[^2];
        Assert.Equal("Choose", sent.Text);
        Assert.Equal("""{"BUTTONS":[{"TEXT":"Yes","COMMAND":"yes","BLOCK":"Y"},{"TEXT":"No","COMMAND":"no","DISABLED":"N"}]}""", sent.Keyboard!.ToJsonString());
    }

    [Fact]
    public async Task A_keyboard_button_of_the_wrong_type_is_exit_2_naming_its_path()
    {
        CliRun run = await CliRunner.RunAsync([Send, .. Bot, "--fields", """{"message":"Hi","keyboard":{"BUTTONS":[{"TEXT":"ok"},{"TEXT":5}]}}"""], CliRunner.NoEnvironment);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.StartsWith("--fields: fields.keyboard.BUTTONS[1].TEXT: expected a string, got 5" + Environment.NewLine, run.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Out);
    }

    [Fact]
    public async Task An_unknown_member_is_exit_2_listing_the_known_ones()
    {
        CliRun run = await CliRunner.RunAsync([Send, .. Bot, "--fields", """{"messge":"Hi"}"""], CliRunner.NoEnvironment);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.StartsWith("--fields: unknown member 'messge' in fields; known: message, attach, keyboard, ", run.Error, StringComparison.Ordinal);
        Assert.Contains("Did you mean 'message'?", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_required_member_is_exit_2_naming_its_path()
    {
        CliRun run = await CliRunner.RunAsync(["imbot.v2.Bot.register", "--fields", """{"code":"helper","properties":{"workPosition":"Helper"}}"""], CliRunner.NoEnvironment);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.StartsWith("--fields: missing required member fields.properties.name (string)" + Environment.NewLine, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CamelCase_parameters_answer_to_kebab_case_and_to_their_wire_name()
    {
        CliRun run = await CliRunner.RunAsync([Send, "--botId", "7", "--botToken", DemoPortal.BotClientId, "--dialogId", "chat112", "--fields", """{"message":"Wire names"}"""], CliRunner.NoEnvironment);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Support Bot: Wire names", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_shows_the_members_of_fields_down_to_the_keyboard_buttons()
    {
        CliRun run = await CliRunner.RunAsync(Send, "--help");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("--bot-id, --botId <int>", run.Out, StringComparison.Ordinal);
        Assert.Contains("--dialog-id, --dialogId <string>", run.Out, StringComparison.Ordinal);
        Assert.Contains("  --fields (fields): an object (ChatMessageSendFields)", run.Out, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^    message +string +\S", run.Out);
        Assert.Matches(@"(?m)^    keyboard +Keyboard +\S", run.Out);
        Assert.Matches(@"(?m)^      BUTTONS +KeyboardButton\[\], required +\S", run.Out);
        Assert.Matches(@"(?m)^        TEXT +string +\S", run.Out);
        Assert.Matches(@"(?m)^        BLOCK +Y\|N +\S", run.Out);
    }
}

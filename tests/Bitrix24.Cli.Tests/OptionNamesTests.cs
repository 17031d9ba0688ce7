using System.Text.Json;
using Bitrix24.Cli.Commands;
using Bitrix24.Cli.Tests.Infrastructure;
using Bitrix24.Emulator;
using Bitrix24.Emulator.Methods;

namespace Bitrix24.Cli.Tests;

/// <summary>Parameters answer to the kebab-case of their wire name, UPPER_CASE and camelCase alike, and to the wire name itself.</summary>
public sealed class OptionNamesTests
{
    [Theory]
    [InlineData("CHAT_ID", "chat-id")]
    [InlineData("botId", "bot-id")]
    [InlineData("dialogId", "dialog-id")]
    [InlineData("userIds", "user-ids")]
    [InlineData("isSupportOpenline", "is-support-openline")]
    [InlineData("URLPreview", "url-preview")]
    [InlineData("ID", "id")]
    [InlineData("fields", "fields")]
    [InlineData("entityData1", "entity-data1")]
    [InlineData("v2Name", "v2-name")]
    public void Kebab_case_splits_words_of_both_spellings(string wireName, string kebab) =>
        Assert.Equal(kebab, OptionNames.Kebab(wireName));

    [Fact]
    public async Task Two_parameters_with_the_same_kebab_name_each_keep_a_name_of_their_own()
    {
        Bitrix24MethodInfo method = new Bitrix24Method<object, bool>
        {
            Name = "test.names",
            Result = Bitrix24ValueType.Boolean,
            Parameters =
            [
                new() { WireName = "botId", Name = "BotId", Type = Bitrix24ValueType.Int32 },
                new() { WireName = "BOT_ID", Name = "BotIdUpper", Type = Bitrix24ValueType.Int32 },
            ],
            WriteParameters = static (_, _) => throw new InvalidOperationException(),
            ReadResult = static (ref Utf8JsonReader _) => throw new InvalidOperationException(),
        };
        var options = new EmulatedPortalOptions();
        options.Methods.Add(new EmulatedMethod("test.names", ["imbot"], _ => true));
        await using EmulatedPortal portal = await EmulatedPortal.StartAsync(options);

        CliRun run = await CliRunner.RunAsync(["test.names", "--bot-id", "1", "--BOT_ID", "2", "--webhook", portal.WebhookUrl.ToString()], CliRunner.NoEnvironment, [method]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("""{"botId":1,"BOT_ID":2}""", Assert.Single(portal.Requests.For("test.names")).Body);
    }
}

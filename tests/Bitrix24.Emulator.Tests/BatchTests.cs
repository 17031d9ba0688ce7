using System.Text.Json;
using System.Text.Json.Nodes;
using Bitrix24.Emulator.Methods;
using Bitrix24.Emulator.Methods.Batch;
using Bitrix24.Emulator.State;
using Bitrix24.Emulator.Tests.Infrastructure;

namespace Bitrix24.Emulator.Tests;

/// <summary><c>batch</c> (FACTS §5).</summary>
public sealed class BatchTests
{
    private const string Send = "imopenlines.bot.session.message.send?CHAT_ID=112&NAME=DEFAULT&MESSAGE=";

    private static async Task<JsonObject> BatchAsync(TestPortal portal, JsonNode cmd, bool? halt = null)
    {
        var parameters = new JsonObject { ["cmd"] = cmd };
        if (halt is not null)
        {
            parameters["halt"] = halt.Value ? 1 : 0;
        }

        ApiResponse response = await portal.CallAsync("batch", parameters);
        return Assert.IsType<JsonObject>(response.AssertSuccess());
    }

    [Fact]
    public async Task Commands_run_in_order_and_their_results_come_back_by_key()
    {
        await using var portal = await TestPortal.StartAsync();

        JsonObject result = await BatchAsync(portal, new JsonObject { ["me"] = "profile", ["hello"] = Send + "Hello", ["bye"] = Send + "Bye" });

        Assert.Equal("1", result["result"]!["me"]!["ID"]!.GetValue<string>());
        Assert.True(result["result"]!["hello"]!.GetValue<bool>());
        Assert.Equal(["Hello", "Bye"], portal.Chat.Transcript.Skip(1).Select(m => m.Text));
        Assert.Equal(["result", "result_error", "result_total", "result_next", "result_time"], result.Select(p => p.Key));
    }

    [Fact]
    public async Task The_answer_is_200_with_a_time_block_even_when_every_command_fails()
    {
        await using var portal = await TestPortal.StartAsync();

        ApiResponse response = await portal.CallAsync("batch", new JsonObject { ["cmd"] = new JsonObject { ["a"] = "no.such.method", ["b"] = "imopenlines.bot.session.operator" } });

        Assert.Equal(200, (int)response.Status);
        Assert.NotNull(response.Time);
        Assert.Equal("ERROR_METHOD_NOT_FOUND", response.Result!["result_error"]!["a"]!["error"]!.GetValue<string>());
        Assert.Equal("CHAT_ID_EMPTY", response.Result!["result_error"]!["b"]!["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_result_error_entry_is_error_and_error_description()
    {
        await using var portal = await TestPortal.StartAsync();

        JsonObject result = await BatchAsync(portal, new JsonObject { ["bad"] = "imopenlines.bot.session.message.send" });

        JsonObject error = Assert.IsType<JsonObject>(result["result_error"]!["bad"]);
        Assert.Equal(["error", "error_description"], error.Select(p => p.Key));
        Assert.Equal("CHAT_ID_EMPTY", error["error"]!.GetValue<string>());
        Assert.Equal("Chat ID can't be empty", error["error_description"]!.GetValue<string>());
    }

    [Fact]
    public async Task Empty_members_are_empty_JSON_arrays()
    {
        await using var portal = await TestPortal.StartAsync();

        JsonObject result = await BatchAsync(portal, new JsonObject { ["me"] = "profile" });

        Assert.Equal("[]", result["result_error"]!.ToJsonString());
        Assert.Equal("[]", result["result_total"]!.ToJsonString());
        Assert.Equal("[]", result["result_next"]!.ToJsonString());
        Assert.Equal(JsonValueKind.Object, result["result"]!.GetValueKind());
    }

    [Fact]
    public async Task A_batch_without_commands_has_only_empty_members()
    {
        await using var portal = await TestPortal.StartAsync();

        ApiResponse response = await portal.CallAsync("batch");

        Assert.Equal("""{"result":[],"result_error":[],"result_total":[],"result_next":[],"result_time":[]}""", response.AssertSuccess()!.ToJsonString());
    }

    [Fact]
    public async Task A_list_of_commands_gives_lists_of_results()
    {
        await using var portal = await TestPortal.StartAsync();

        JsonObject result = await BatchAsync(portal, new JsonArray("profile", "profile"));

        Assert.Equal(2, result["result"]!.AsArray().Count);
        Assert.Equal(2, result["result_time"]!.AsArray().Count);
    }

    [Fact]
    public async Task Each_success_has_its_own_time_block()
    {
        await using var portal = await TestPortal.StartAsync();

        JsonObject result = await BatchAsync(portal, new JsonObject { ["me"] = "profile", ["bad"] = "no.such.method" });

        JsonObject time = Assert.IsType<JsonObject>(result["result_time"]!["me"]);
        Assert.Equal("2026-08-21T13:00:00+03:00", time["date_start"]!.GetValue<string>());
        Assert.Null(result["result_time"]!["bad"]);
    }

    [Fact]
    public async Task Fifty_commands_are_allowed()
    {
        await using var portal = await TestPortal.StartAsync();
        var commands = new JsonArray(Enumerable.Range(0, BatchMethod.MaxCommands).Select(_ => (JsonNode?)"profile").ToArray());

        JsonObject result = await BatchAsync(portal, commands);

        Assert.Equal(50, result["result"]!.AsArray().Count);
        Assert.Equal("[]", result["result_error"]!.ToJsonString());
    }

    [Fact]
    public async Task Commands_past_fifty_fail_with_ERROR_BATCH_LENGTH_EXCEEDED_and_do_not_run()
    {
        await using var portal = await TestPortal.StartAsync();
        var commands = new JsonObject();
        for (int i = 0; i < 53; i++)
        {
            commands["m" + i] = Send + "m" + i;
        }

        JsonObject result = await BatchAsync(portal, commands);

        Assert.Equal(50, result["result"]!.AsObject().Count);
        JsonObject errors = result["result_error"]!.AsObject();
        Assert.Equal(["m50", "m51", "m52"], errors.Select(p => p.Key));
        Assert.All(errors, e => Assert.Equal("ERROR_BATCH_LENGTH_EXCEEDED", e.Value!["error"]!.GetValue<string>()));
        Assert.Equal(51, portal.Chat.Transcript.Count);
    }

    [Fact]
    public async Task With_halt_1_the_batch_stops_at_the_first_failure()
    {
        await using var portal = await TestPortal.StartAsync();

        JsonObject result = await BatchAsync(portal, new JsonObject { ["a"] = Send + "a", ["b"] = "imopenlines.bot.session.operator", ["c"] = Send + "c" }, halt: true);

        Assert.Equal(["a"], result["result"]!.AsObject().Select(p => p.Key));
        Assert.Equal(["b"], result["result_error"]!.AsObject().Select(p => p.Key));
        Assert.Equal(["a"], portal.Chat.Transcript.Skip(1).Select(m => m.Text));
    }

    [Fact]
    public async Task With_halt_0_every_command_runs()
    {
        await using var portal = await TestPortal.StartAsync();

        JsonObject result = await BatchAsync(portal, new JsonObject { ["a"] = Send + "a", ["b"] = "imopenlines.bot.session.operator", ["c"] = Send + "c" }, halt: false);

        Assert.Equal(["a", "c"], result["result"]!.AsObject().Select(p => p.Key));
        Assert.Equal(["b"], result["result_error"]!.AsObject().Select(p => p.Key));
        Assert.Equal(["a", "c"], portal.Chat.Transcript.Skip(1).Select(m => m.Text));
    }

    [Theory]
    [InlineData("1")]
    [InlineData("true")]
    [InlineData("Y")]
    public async Task Halt_is_read_loosely_from_a_form(string halt)
    {
        await using var portal = await TestPortal.StartAsync();

        ApiResponse response = await portal.CallFormAsync("batch", ("cmd[a]", "no.such.method"), ("cmd[b]", "profile"), ("halt", halt));

        Assert.Equal("[]", response.AssertSuccess()!["result"]!.ToJsonString());
    }

    [Fact]
    public async Task A_whole_value_reference_takes_an_earlier_result_field()
    {
        await using var portal = await TestPortal.StartAsync();

        JsonObject result = await BatchAsync(portal, new JsonObject { ["me"] = "profile", ["send"] = Send + "$result[me][ID]" });

        Assert.Equal("[]", result["result_error"]!.ToJsonString());
        Assert.Equal("1", portal.Chat.Transcript[^1].Text);
    }

    [Fact]
    public async Task A_reference_inside_text_is_replaced_in_place()
    {
        await using var portal = await TestPortal.StartAsync();

        await BatchAsync(portal, new JsonObject { ["me"] = "profile", ["send"] = Send + "Hello,+$result[me][NAME]+$result[me][LAST_NAME]!" });

        Assert.Equal("Hello, Anna Admin!", portal.Chat.Transcript[^1].Text);
    }

    [Fact]
    public async Task A_reference_indexes_into_a_list_result()
    {
        var list = new EmulatedMethod("test.list", [], _ => JsonNode.Parse("""[{"ID":"first"},{"ID":"second"}]"""));
        await using var portal = await TestPortal.StartAsync(o => o.Methods.Add(list));

        await BatchAsync(portal, new JsonObject { ["list"] = "test.list", ["send"] = Send + "$result[list][1][ID]" });

        Assert.Equal("second", portal.Chat.Transcript[^1].Text);
    }

    [Fact]
    public async Task A_reference_to_a_failed_command_is_empty()
    {
        await using var portal = await TestPortal.StartAsync();

        JsonObject result = await BatchAsync(portal, new JsonObject { ["bad"] = "no.such.method", ["send"] = "imopenlines.bot.session.message.send?CHAT_ID=$result[bad][ID]" });

        Assert.Equal("CHAT_ID_EMPTY", result["result_error"]!["send"]!["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_nested_batch_is_ERROR_BATCH_METHOD_NOT_ALLOWED()
    {
        await using var portal = await TestPortal.StartAsync();

        JsonObject result = await BatchAsync(portal, new JsonObject { ["inner"] = "batch?cmd[x]=profile", ["me"] = "profile" });

        Assert.Equal("ERROR_BATCH_METHOD_NOT_ALLOWED", result["result_error"]!["inner"]!["error"]!.GetValue<string>());
        Assert.NotNull(result["result"]!["me"]);
    }

    [Fact]
    public async Task Commands_may_be_sent_as_form_keys()
    {
        await using var portal = await TestPortal.StartAsync();

        ApiResponse response = await portal.CallFormAsync("batch", ("cmd[me]", "profile"), ("cmd[send]", Send + "a%26b+c"), ("halt", "0"));

        Assert.Equal("1", response.AssertSuccess()!["result"]!["me"]!["ID"]!.GetValue<string>());
        Assert.Equal("a&b c", portal.Chat.Transcript[^1].Text);
    }

    [Fact]
    public async Task Commands_in_a_query_string_are_encoded_twice()
    {
        await using var portal = await TestPortal.StartAsync();

        ApiResponse response = await portal.Http.GetAsync(TestPortal.WebhookPath("batch") + "?cmd[send]=" + Uri.EscapeDataString(Send + "a%26b"));

        response.AssertSuccess();
        Assert.Equal("a&b", portal.Chat.Transcript[^1].Text);
    }

    [Fact]
    public async Task Lower_and_upper_case_cmd_and_halt_keys_both_work()
    {
        await using var portal = await TestPortal.StartAsync();

        ApiResponse response = await portal.CallAsync("batch", new JsonObject { ["CMD"] = new JsonObject { ["a"] = "no.such.method", ["b"] = "profile" }, ["HALT"] = true });

        Assert.Equal("[]", response.AssertSuccess()!["result"]!.ToJsonString());
    }

    [Fact]
    public async Task Commands_have_the_scopes_of_the_outer_webhook()
    {
        await using var portal = await TestPortal.StartAsync();

        ApiResponse response = await portal.CallAsync("batch", new JsonObject { ["cmd"] = new JsonObject { ["me"] = "profile", ["send"] = Send + "x" } }, DemoPortal.WebhookWithoutBotScopes);

        JsonNode result = response.AssertSuccess()!;
        Assert.NotNull(result["result"]!["me"]);
        Assert.Equal("insufficient_scope", result["result_error"]!["send"]!["error"]!.GetValue<string>());
        Assert.Single(portal.Chat.Transcript);
    }

    [Fact]
    public async Task Commands_have_the_authorization_of_the_outer_call()
    {
        await using var portal = await TestPortal.StartAsync();

        ApiResponse response = await portal.Http.PostJsonAsync(
            TestPortal.OAuthPath("batch"),
            new JsonObject { ["sessid"] = "abc", ["cmd"] = new JsonObject { ["send"] = Send + "x" } });

        Assert.Equal("WRONG_AUTH_TYPE", response.AssertSuccess()!["result_error"]!["send"]!["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_state_changes_of_commands_show_in_the_transcript()
    {
        await using var portal = await TestPortal.StartAsync();

        await BatchAsync(portal, new JsonObject
        {
            ["welcome"] = "imopenlines.bot.session.message.send?CHAT_ID=112&NAME=WELCOME",
            ["handoff"] = "imopenlines.bot.session.transfer?CHAT_ID=112&QUEUE_ID=1&LEAVE=Y&CLIENT_ID=" + DemoPortal.BotClientId,
        });

        ChatSnapshot chat = portal.Chat;
        Assert.Equal(DemoPortal.Greeting, chat.Transcript[1].Text);
        Assert.Equal(SessionOwner.Queue(DemoPortal.LineId), chat.Owner);
        Assert.False(chat.BotIsMember);
        Assert.Single(portal.Portal.Requests.All);
    }

    [Fact]
    public void PhpArray_encodes_lists_as_arrays_and_anything_else_as_objects()
    {
        var list = new PhpArray();
        list.Add("0", 1);
        list.Add("1", 2);
        var map = new PhpArray();
        map.Add("1", 1);
        var empty = new PhpArray();

        Assert.Equal("[1,2]", list.ToJson().ToJsonString());
        Assert.Equal("""{"1":1}""", map.ToJson().ToJsonString());
        Assert.Equal("[]", empty.ToJson().ToJsonString());
    }
}

using System.Text.Json.Nodes;
using Bitrix24.Emulator.Auth;
using Bitrix24.Emulator.Recording;
using Bitrix24.Emulator.State;
using Bitrix24.Emulator.Tests.Infrastructure;
using Bitrix24.Emulator.Wire;

namespace Bitrix24.Emulator.Tests;

/// <summary>
/// How parameters are read: JSON and form bodies, PHP form keys, query and body merged, key upper-casing
/// (all handlers but transfer) and PHP <c>intval</c> (FACTS §1, §8).
/// </summary>
public sealed class ParameterTests
{
    [Fact]
    public async Task A_form_body_works_like_a_JSON_body()
    {
        await using var portal = await TestPortal.StartAsync();

        ApiResponse response = await portal.CallFormAsync(BotMethods.MessageSend, ("CHAT_ID", "112"), ("NAME", "DEFAULT"), ("MESSAGE", "Sent as a form: a+b & c"));

        response.AssertTrue();
        Assert.Equal("Sent as a form: a+b & c", portal.Chat.Transcript[^1].Text);
    }

    [Fact]
    public async Task Nested_form_keys_are_read_as_PHP_arrays()
    {
        await using var portal = await TestPortal.StartAsync();

        await portal.CallFormAsync("profile", ("PARAMS[KEY]", "v"), ("PARAMS[OTHER]", "w"), ("ID[]", "1"), ("ID[]", "2"), ("A[B][C]", "deep"));

        JsonObject parameters = portal.Portal.Requests.All.Single().Parameters;
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"PARAMS":{"KEY":"v","OTHER":"w"},"ID":["1","2"],"A":{"B":{"C":"deep"}}}"""),
            parameters));
    }

    [Fact]
    public async Task Query_string_and_body_are_merged_and_the_body_wins()
    {
        await using var portal = await TestPortal.StartAsync();

        ApiResponse response = await portal.Http.PostJsonAsync(
            TestPortal.WebhookPath(BotMethods.MessageSend) + "?CHAT_ID=0&NAME=DEFAULT",
            new JsonObject { ["CHAT_ID"] = 112, ["MESSAGE"] = "merged" });

        response.AssertTrue();
        Assert.Equal("merged", portal.Chat.Transcript[^1].Text);
    }

    [Theory]
    [InlineData(BotMethods.MessageSend)]
    [InlineData(BotMethods.Operator)]
    [InlineData(BotMethods.Finish)]
    public async Task Lower_case_keys_are_upper_cased_by_message_send_operator_and_finish(string method)
    {
        await using var portal = await TestPortal.StartAsync();

        ApiResponse response = await portal.CallAsync(method, new JsonObject { ["chat_id"] = 112, ["client_id"] = DemoPortal.BotClientId });

        response.AssertTrue();
    }

    [Fact]
    public async Task Mixed_case_keys_are_upper_cased_too()
    {
        await using var portal = await TestPortal.StartAsync();

        ApiResponse response = await portal.CallFormAsync(BotMethods.MessageSend, ("Chat_Id", "112"), ("name", "DEFAULT"), ("Message", "mixed"));

        response.AssertTrue();
        Assert.Equal("mixed", portal.Chat.Transcript[^1].Text);
    }

    [Fact]
    public async Task Transfer_does_not_upper_case_keys_so_lower_case_chat_id_is_CHAT_ID_EMPTY()
    {
        await using var portal = await TestPortal.StartAsync();

        ApiResponse response = await portal.CallAsync(BotMethods.Transfer, new JsonObject { ["chat_id"] = 112, ["USER_ID"] = 3, ["CLIENT_ID"] = DemoPortal.BotClientId });

        response.AssertError(400, "CHAT_ID_EMPTY");
    }

    [Fact]
    public async Task Transfer_does_not_upper_case_keys_so_lower_case_user_id_is_TRANSFER_ID_EMPTY()
    {
        await using var portal = await TestPortal.StartAsync();

        ApiResponse response = await portal.CallAsync(BotMethods.Transfer, new JsonObject { ["CHAT_ID"] = 112, ["user_id"] = 3, ["CLIENT_ID"] = DemoPortal.BotClientId });

        response.AssertError(400, "TRANSFER_ID_EMPTY");
    }

    [Theory]
    [InlineData("112")]
    [InlineData(" 112")]
    [InlineData("+112")]
    [InlineData("112abc")]
    [InlineData("112.9")]
    public async Task CHAT_ID_is_read_with_PHP_intval_from_a_string(string chatId)
    {
        await using var portal = await TestPortal.StartAsync();

        ApiResponse response = await portal.CallFormAsync(BotMethods.MessageSend, ("CHAT_ID", chatId), ("NAME", "DEFAULT"), ("MESSAGE", "read"));

        response.AssertTrue();
        Assert.Equal("read", portal.Chat.Transcript[^1].Text);
    }

    [Fact]
    public async Task A_fractional_JSON_number_is_truncated()
    {
        await using var portal = await TestPortal.StartAsync();

        ApiResponse response = await portal.CallAsync(BotMethods.MessageSend, new JsonObject { ["CHAT_ID"] = 112.9, ["NAME"] = "DEFAULT", ["MESSAGE"] = "truncated" });

        response.AssertTrue();
        Assert.Equal("truncated", portal.Chat.Transcript[^1].Text);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-112")]
    [InlineData("0")]
    [InlineData("")]
    [InlineData("0x70")]
    public async Task A_CHAT_ID_whose_intval_is_not_positive_is_CHAT_ID_EMPTY(string chatId)
    {
        await using var portal = await TestPortal.StartAsync();

        ApiResponse response = await portal.CallFormAsync(BotMethods.MessageSend, ("CHAT_ID", chatId));

        response.AssertError(400, "CHAT_ID_EMPTY");
    }

    [Fact]
    public async Task A_negative_JSON_CHAT_ID_is_CHAT_ID_EMPTY()
    {
        await using var portal = await TestPortal.StartAsync();

        ApiResponse response = await portal.CallAsync(BotMethods.Operator, new JsonObject { ["CHAT_ID"] = -112 });

        response.AssertError(400, "CHAT_ID_EMPTY");
    }

    [Fact]
    public async Task A_CHAT_ID_beyond_32_bits_is_not_empty_just_unknown()
    {
        // FACTS §1: CHAT_ID_EMPTY means "missing or <= 0"; a large id is a chat that does not exist.
        await using var portal = await TestPortal.StartAsync();

        (await portal.CallAsync(BotMethods.MessageSend, new JsonObject { ["CHAT_ID"] = 3_000_000_000L })).AssertTrue();
        (await portal.CallAsync(BotMethods.Finish, new JsonObject { ["CHAT_ID"] = "3000000000", ["CLIENT_ID"] = DemoPortal.BotClientId })).AssertTrue();
        (await portal.CallAsync(BotMethods.Operator, new JsonObject { ["CHAT_ID"] = 3_000_000_000L })).AssertError(400, "WRONG_CHAT");
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_counts_as_empty_and_the_problem_is_recorded()
    {
        await using var portal = await TestPortal.StartAsync();

        ApiResponse response = await portal.Http.PostRawAsync(TestPortal.WebhookPath(BotMethods.MessageSend), "{\"CHAT_ID\": 112", "application/json");

        response.AssertError(400, "CHAT_ID_EMPTY");
        ReceivedRequest request = portal.Portal.Requests.All.Single();
        Assert.StartsWith("the body is not valid JSON", request.BodyProblem, StringComparison.Ordinal);
        Assert.Equal("{\"CHAT_ID\": 112", request.Body);
    }

    [Fact]
    public async Task A_JSON_body_that_repeats_a_property_is_a_clean_400_recorded_in_the_request_log()
    {
        // Used to escape as a bare 500 before the request was logged (JsonObject cannot hold a repeated name).
        await using var portal = await TestPortal.StartAsync();
        const string Body = "{\"CHAT_ID\": 112, \"NAME\": \"DEFAULT\", \"MESSAGE\": \"one\", \"MESSAGE\": \"two\"}";

        ApiResponse response = await portal.Http.PostRawAsync(TestPortal.WebhookPath(BotMethods.MessageSend), Body, "application/json");

        response.AssertError(400, "INVALID_REQUEST");
        Assert.Equal("Invalid request body: the JSON body repeats the property $.MESSAGE", response.ErrorDescription);
        ReceivedRequest request = portal.Portal.Requests.All.Single();
        Assert.Equal((400, "INVALID_REQUEST", false, EmulatedAuthKind.None), (request.Status, request.ErrorCode, request.Processed, request.AuthKind));
        Assert.Equal("the JSON body repeats the property $.MESSAGE", request.BodyProblem);
        Assert.Equal(Body, request.Body);
        Assert.Null(request.Crash);
        Assert.Single(portal.Chat.Transcript);
        JsonNode logged = (await portal.Http.GetAsync("_emulator/requests")).Json![0]!;
        Assert.Equal((400, "INVALID_REQUEST"), (logged["status"]!.GetValue<int>(), logged["error"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("{\"botId\":7,\"fields\":{\"message\":\"a\",\"message\":\"b\"}}", "$.fields.message")]
    [InlineData("{\"cmd\":[{\"x\":1,\"x\":2}]}", "$.cmd[0].x")]
    public async Task A_repeated_property_inside_the_body_is_named_by_its_path(string body, string path)
    {
        await using var portal = await TestPortal.StartAsync();

        ApiResponse response = await portal.Http.PostRawAsync(TestPortal.WebhookPath("imbot.v2.Chat.Message.send"), body, "application/json");

        response.AssertError(400, "INVALID_REQUEST");
        Assert.EndsWith(" " + path, response.ErrorDescription, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_name_in_different_objects_is_not_a_repeat()
    {
        await using var portal = await TestPortal.StartAsync();

        ApiResponse response = await portal.Http.PostRawAsync(
            TestPortal.WebhookPath("imbot.v2.Chat.Message.send"),
            "{\"botId\":7,\"botToken\":\"demo-support-bot\",\"dialogId\":\"chat112\",\"fields\":{\"message\":\"hi\",\"keyboard\":[{\"TEXT\":\"a\"},{\"TEXT\":\"b\"}]}}",
            "application/json");

        response.AssertSuccess();
        Assert.Null(portal.Portal.Requests.All.Single().BodyProblem);
    }

    [Fact]
    public async Task The_OAuth_token_endpoint_answers_a_repeated_property_with_400_invalid_request()
    {
        await using var portal = await TestPortal.StartAsync();

        ApiResponse response = await portal.Http.PostRawAsync("oauth/token/", "{\"grant_type\":\"refresh_token\",\"grant_type\":\"authorization_code\"}", "application/json");

        response.AssertError(400, "invalid_request");
    }

    [Fact]
    public async Task A_JSON_body_that_is_not_an_object_counts_as_empty()
    {
        await using var portal = await TestPortal.StartAsync();

        ApiResponse response = await portal.Http.PostRawAsync(TestPortal.WebhookPath(BotMethods.MessageSend), "[112]", "application/json");

        response.AssertError(400, "CHAT_ID_EMPTY");
        Assert.Equal("the JSON body is not an object", portal.Portal.Requests.All.Single().BodyProblem);
    }

    [Fact]
    public async Task Unicode_text_survives_a_JSON_body()
    {
        await using var portal = await TestPortal.StartAsync();

        await portal.CallAsync(BotMethods.MessageSend, new JsonObject { ["CHAT_ID"] = 112, ["NAME"] = "DEFAULT", ["MESSAGE"] = "Здравствуйте! 👋" });

        Assert.Equal("Здравствуйте! 👋", portal.Chat.Transcript[^1].Text);
    }

    [Theory]
    [InlineData("PARAMS[KEY]", "{\"PARAMS\":{\"KEY\":\"v\"}}")]
    [InlineData("ID[]", "{\"ID\":[\"v\"]}")]
    [InlineData("A[][X]", "{\"A\":[{\"X\":\"v\"}]}")]
    [InlineData("PLAIN", "{\"PLAIN\":\"v\"}")]
    [InlineData("[NOPE]", "{\"[NOPE]\":\"v\"}")]
    [InlineData("OPEN[KEY", "{\"OPEN[KEY\":\"v\"}")]
    public void FormKeys_nest_one_key_as_PHP_does(string key, string expected)
    {
        var target = new JsonObject();

        FormKeys.Add(target, key, "v");

        Assert.Equal(expected, target.ToJsonString());
    }

    [Fact]
    public void FormKeys_append_repeated_list_keys_and_merge_nested_ones()
    {
        var target = new JsonObject();

        FormKeys.Add(target, "ID[]", "1");
        FormKeys.Add(target, "ID[]", "2");
        FormKeys.Add(target, "P[A]", "x");
        FormKeys.Add(target, "P[B]", "y");

        Assert.Equal("""{"ID":["1","2"],"P":{"A":"x","B":"y"}}""", target.ToJsonString());
    }

    [Theory]
    [InlineData("112", 112)]
    [InlineData("  112", 112)]
    [InlineData("\n-7x", -7)]
    [InlineData("12abc", 12)]
    [InlineData("abc", 0)]
    [InlineData("", 0)]
    [InlineData("1.9", 1)]
    [InlineData("99999999999999999999", 0)]
    public void PhpValue_ToInt_reads_the_leading_integer_of_a_string(string text, long expected)
    {
        Assert.Equal(expected, PhpValue.ToInt(JsonValue.Create(text)));
    }

    [Fact]
    public void PhpValue_ToInt_handles_numbers_booleans_null_and_arrays()
    {
        Assert.Equal(112, PhpValue.ToInt(JsonValue.Create(112)));
        Assert.Equal(-3, PhpValue.ToInt(JsonValue.Create(-3.7)));
        Assert.Equal(1, PhpValue.ToInt(JsonValue.Create(true)));
        Assert.Equal(0, PhpValue.ToInt(JsonValue.Create(false)));
        Assert.Equal(0, PhpValue.ToInt(null));
        Assert.Equal(0, PhpValue.ToInt(new JsonArray()));
        Assert.Equal(1, PhpValue.ToInt(new JsonArray(1)));
        Assert.Equal(1, PhpValue.ToInt(new JsonObject { ["a"] = 1 }));
    }

    [Fact]
    public void PhpValue_ToText_converts_as_PHP_strings_do()
    {
        Assert.Equal("abc", PhpValue.ToText(JsonValue.Create("abc")));
        Assert.Equal("112", PhpValue.ToText(JsonValue.Create(112)));
        Assert.Equal("1", PhpValue.ToText(JsonValue.Create(true)));
        Assert.Equal(string.Empty, PhpValue.ToText(JsonValue.Create(false)));
        Assert.Equal(string.Empty, PhpValue.ToText(null));
        Assert.Equal("Array", PhpValue.ToText(new JsonArray()));
    }

    [Fact]
    public void PhpValue_IsSet_is_false_for_a_missing_key_and_a_null_value()
    {
        var parameters = new JsonObject { ["NULL"] = null, ["EMPTY"] = "" };

        Assert.False(PhpValue.IsSet(parameters, "MISSING"));
        Assert.False(PhpValue.IsSet(parameters, "NULL"));
        Assert.True(PhpValue.IsSet(parameters, "EMPTY"));
    }

    [Fact]
    public void ParameterKeys_UpperCased_lets_the_later_of_two_colliding_keys_win()
    {
        var parameters = new JsonObject { ["chat_id"] = 1, ["CHAT_ID"] = 2, ["Message"] = "m" };

        JsonObject upper = ParameterKeys.UpperCased(parameters);

        Assert.Equal("""{"CHAT_ID":2,"MESSAGE":"m"}""", upper.ToJsonString());
    }
}

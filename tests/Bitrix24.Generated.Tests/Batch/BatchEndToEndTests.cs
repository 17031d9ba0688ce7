using System.Text.Json.Nodes;
using Bitrix24.Emulator;
using Bitrix24.Emulator.Faults;
using Bitrix24.Emulator.Recording;
using Bitrix24.Emulator.State;
using Bitrix24.Generated.Tests.Infrastructure;
using Bitrix24.ImOpenLines;

namespace Bitrix24.Generated.Tests.Batch;

/// <summary>
/// Batches through the SDK against the emulated portal over real HTTP: calls of up to 50 commands in
/// order, typed results and per-command errors, halt within and across calls, the encoded commands
/// the portal received, and a failed call in the middle of a batch.
/// </summary>
public sealed class BatchEndToEndTests
{
    private const string SendMethod = "imopenlines.bot.session.message.send";

    private static Task<EmulatedPortal> StartPortalAsync() => EmulatedPortal.StartAsync(new EmulatedPortalOptions { RateLimit = null });

    /// <summary>The chat's messages after the customer's first one: what the batch posted.</summary>
    private static string[] Posted(EmulatedPortal portal) =>
        portal.State.GetChat(DemoPortal.ChatId).Transcript.Skip(1).Select(m => m.Text).ToArray();

    private static JsonObject Commands(ReceivedRequest request) => JsonNode.Parse(request.Body)!["cmd"]!.AsObject();

    [Theory]
    [InlineData(1, 1)]
    [InlineData(50, 1)]
    [InlineData(51, 2)]
    [InlineData(120, 3)]
    public async Task Commands_go_in_calls_of_up_to_50_in_order_and_each_message_is_posted_once(int commands, int calls)
    {
        await using var portal = await StartPortalAsync();
        using var client = EmulatorClients.Webhook(portal);
        var batch = client.CreateBatch();
        var items = Enumerable.Range(0, commands)
            .Select(i => batch.ImOpenLines.Bot.Session.Message.Send(DemoPortal.ChatId, AutoMessageType.Default, "m" + i))
            .ToList();

        await batch.ExecuteAsync();

        IReadOnlyList<ReceivedRequest> requests = portal.Requests.For("batch");
        Assert.Equal(calls, requests.Count);
        Assert.Equal(calls, portal.Requests.All.Count);
        Assert.All(requests, r => Assert.InRange(Commands(r).Count, 1, Bitrix24Batch.MaxCommandsPerCall));
        Assert.Equal(
            Enumerable.Range(0, commands).Select(i => "c" + i),
            requests.SelectMany(r => Commands(r).Select(c => c.Key)));
        Assert.All(items, item => Assert.Equal(Bitrix24BatchItemStatus.Succeeded, item.Status));
        Assert.All(items, item => Assert.True(item.Result));
        Assert.Equal(Enumerable.Range(0, commands).Select(i => "m" + i), Posted(portal));
        Assert.Equal(items.Cast<Bitrix24BatchItem>(), batch.Items);
    }

    [Fact]
    public async Task The_README_example_queues_both_shapes_and_reads_typed_results()
    {
        await using var portal = await StartPortalAsync();
        using var client = EmulatorClients.Webhook(portal);

        var batch = client.CreateBatch(halt: false);
        Bitrix24BatchItem<bool> a = batch.ImOpenLines.Bot.Session.Message.Send(chatId: 112, name: AutoMessageType.Default, message: "Hi");
        Bitrix24BatchItem<bool> b = batch.ImOpenLines.Bot.Session.Operator(new ImOpenLinesBotSessionOperatorRequest { ChatId = 112 });
        await batch.ExecuteAsync();

        Assert.True(a.Result);
        Assert.True(b.Result);
        Assert.Null(a.Error);
        Assert.Equal(Bitrix24BatchItemStatus.Succeeded, a.Status);
        Assert.Equal(("c0", SendMethod), (a.Key, a.Method));
        Assert.Equal(("c1", "imopenlines.bot.session.operator"), (b.Key, b.Method));
        Assert.NotNull(a.Time?.Start);
        Assert.NotNull(a.Time?.Duration);
        Assert.Null(a.Total);
        Assert.Null(a.Next);
        Assert.Equal(SessionOwner.Operator(DemoPortal.FirstOperatorId), portal.State.GetChat(DemoPortal.ChatId).Owner);
    }

    [Fact]
    public async Task Commands_travel_as_query_strings_in_the_JSON_body()
    {
        await using var portal = await StartPortalAsync();
        using var client = EmulatorClients.Webhook(portal);
        var batch = client.CreateBatch();
        batch.ImOpenLines.Bot.Session.Message.Send(112, AutoMessageType.Default, "Hello, world!");
        batch.ImOpenLines.Bot.Session.Operator(new ImOpenLinesBotSessionOperatorRequest { ChatId = 112 });
        batch.ImOpenLines.Bot.Session.Transfer(112, transferId: "queue1", leave: false, clientId: DemoPortal.BotClientId);

        await batch.ExecuteAsync();

        ReceivedRequest request = Assert.Single(portal.Requests.For("batch"));
        Assert.Equal("application/json; charset=utf-8", request.ContentType);
        JsonObject cmd = Commands(request);
        Assert.Equal("imopenlines.bot.session.message.send?CHAT_ID=112&NAME=DEFAULT&MESSAGE=Hello%2C%20world%21", cmd["c0"]!.GetValue<string>());
        Assert.Equal("imopenlines.bot.session.operator?CHAT_ID=112", cmd["c1"]!.GetValue<string>());
        Assert.Equal("imopenlines.bot.session.transfer?CHAT_ID=112&TRANSFER_ID=queue1&LEAVE=N&CLIENT_ID=demo-support-bot", cmd["c2"]!.GetValue<string>());
        Assert.Equal(
            """{"halt":0,"cmd":{"c0":"imopenlines.bot.session.message.send?CHAT_ID=112&NAME=DEFAULT&MESSAGE=Hello%2C%20world%21","c1":"imopenlines.bot.session.operator?CHAT_ID=112","c2":"imopenlines.bot.session.transfer?CHAT_ID=112&TRANSFER_ID=queue1&LEAVE=N&CLIENT_ID=demo-support-bot"}}""",
            request.Body);
        Assert.Equal(["Hello, world!"], Posted(portal).Take(1));
    }

    [Fact]
    public async Task Any_text_arrives_unchanged_through_the_query_string()
    {
        await using var portal = await StartPortalAsync();
        using var client = EmulatorClients.Webhook(portal);
        const string text = "Здравствуйте! 👋 \"quotes\" & <tags> a=b?c#d %20 + [0] \\ back\nnew line";
        var batch = client.CreateBatch();
        batch.ImOpenLines.Bot.Session.Message.Send(DemoPortal.ChatId, AutoMessageType.Default, text);

        await batch.ExecuteAsync();

        Assert.Equal([text], Posted(portal));
    }

    [Fact]
    public async Task The_portal_substitutes_result_references_in_text_even_percent_encoded()
    {
        // FACTS §5: $result[key][field] refers to an earlier command's result. The portal decodes the query
        // string first, so the reference works however it is encoded, and text that merely looks like one
        // is replaced too: a message containing "$result[" cannot be sent verbatim in a batch.
        await using var portal = await StartPortalAsync();
        using var client = EmulatorClients.Webhook(portal);
        var batch = client.CreateBatch();
        batch.ImOpenLines.Bot.Session.Message.Send(DemoPortal.ChatId, AutoMessageType.Default, "first");
        batch.ImOpenLines.Bot.Session.Message.Send(DemoPortal.ChatId, AutoMessageType.Default, "c0 said $result[c0].");

        await batch.ExecuteAsync();

        Assert.EndsWith("MESSAGE=c0%20said%20%24result%5Bc0%5D.", Commands(Assert.Single(portal.Requests.For("batch")))["c1"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(["first", "c0 said 1."], Posted(portal));
    }

    [Fact]
    public async Task Without_halt_every_command_runs_and_each_error_stays_on_its_item()
    {
        await using var portal = await StartPortalAsync();
        using var client = EmulatorClients.Webhook(portal);
        var batch = client.CreateBatch(halt: false);
        var first = batch.ImOpenLines.Bot.Session.Message.Send(DemoPortal.ChatId, AutoMessageType.Default, "first");
        var noChat = batch.ImOpenLines.Bot.Session.Message.Send(0, AutoMessageType.Default, "never");
        var noBot = batch.ImOpenLines.Bot.Session.Finish(DemoPortal.ChatId);
        var last = batch.ImOpenLines.Bot.Session.Message.Send(DemoPortal.ChatId, AutoMessageType.Default, "last");

        await batch.ExecuteAsync();

        Assert.Equal(
            [Bitrix24BatchItemStatus.Succeeded, Bitrix24BatchItemStatus.Failed, Bitrix24BatchItemStatus.Failed, Bitrix24BatchItemStatus.Succeeded],
            batch.Items.Select(i => i.Status));
        Assert.True(first.Result && last.Result);

        Bitrix24ApiException chatError = Assert.IsType<Bitrix24ApiException>(noChat.Error);
        Assert.Equal(Bitrix24ErrorCode.ChatIdEmpty, chatError.ErrorCode);
        Assert.Equal(("CHAT_ID_EMPTY", "Chat ID can't be empty", 200, SendMethod), (chatError.Code, chatError.Description, chatError.StatusCode, chatError.Method));
        Assert.Same(chatError, noChat.Failure);
        Assert.Same(chatError, Assert.Throws<Bitrix24ApiException>(() => noChat.Result));

        Assert.Equal(Bitrix24ErrorCode.BotIdError, noBot.Error!.ErrorCode);
        Assert.Equal("imopenlines.bot.session.finish", noBot.Error.Method);
        Assert.Equal(SessionStatus.Active, portal.State.GetChat(DemoPortal.ChatId).Status);
        Assert.Equal(["first", "last"], Posted(portal));
    }

    [Fact]
    public async Task With_halt_the_portal_stops_at_the_first_failure_and_the_rest_are_not_executed()
    {
        await using var portal = await StartPortalAsync();
        using var client = EmulatorClients.Webhook(portal);
        var batch = client.CreateBatch(halt: true);
        var first = batch.ImOpenLines.Bot.Session.Message.Send(DemoPortal.ChatId, AutoMessageType.Default, "first");
        var failing = batch.ImOpenLines.Bot.Session.Finish(DemoPortal.ChatId);
        var skipped = batch.ImOpenLines.Bot.Session.Message.Send(DemoPortal.ChatId, AutoMessageType.Default, "skipped");

        await batch.ExecuteAsync();

        Assert.True(first.Result);
        Assert.Equal(Bitrix24ErrorCode.BotIdError, failing.Error!.ErrorCode);
        Assert.Equal(Bitrix24BatchItemStatus.NotExecuted, skipped.Status);
        Assert.Null(skipped.Failure);
        var e = Assert.Throws<InvalidOperationException>(() => skipped.Result);
        Assert.Contains("c2", e.Message, StringComparison.Ordinal);
        Assert.Contains("not executed", e.Message, StringComparison.Ordinal);
        Assert.Equal(["first"], Posted(portal));
        Assert.Equal(1, JsonNode.Parse(Assert.Single(portal.Requests.For("batch")).Body)!["halt"]!.GetValue<int>());
    }

    [Fact]
    public async Task With_halt_a_failure_in_the_first_call_means_the_later_calls_are_not_made()
    {
        await using var portal = await StartPortalAsync();
        using var client = EmulatorClients.Webhook(portal);
        var batch = client.CreateBatch(halt: true);
        for (int i = 0; i < 120; i++)
        {
            batch.ImOpenLines.Bot.Session.Message.Send(i == 10 ? 0 : DemoPortal.ChatId, AutoMessageType.Default, "m" + i);
        }

        await batch.ExecuteAsync();

        Assert.Single(portal.Requests.For("batch"));
        Assert.All(batch.Items.Take(10), i => Assert.Equal(Bitrix24BatchItemStatus.Succeeded, i.Status));
        Assert.Equal(Bitrix24ErrorCode.ChatIdEmpty, batch.Items[10].Error!.ErrorCode);
        Assert.All(batch.Items.Skip(11), i => Assert.Equal(Bitrix24BatchItemStatus.NotExecuted, i.Status));
        Assert.Equal(Enumerable.Range(0, 10).Select(i => "m" + i), Posted(portal));
    }

    [Fact]
    public async Task With_halt_a_call_without_failures_lets_the_next_call_run()
    {
        await using var portal = await StartPortalAsync();
        using var client = EmulatorClients.Webhook(portal);
        var batch = client.CreateBatch(halt: true);
        for (int i = 0; i < 60; i++)
        {
            batch.ImOpenLines.Bot.Session.Message.Send(i == 55 ? 0 : DemoPortal.ChatId, AutoMessageType.Default, "m" + i);
        }

        await batch.ExecuteAsync();

        Assert.Equal(2, portal.Requests.For("batch").Count);
        Assert.All(batch.Items.Take(55), i => Assert.Equal(Bitrix24BatchItemStatus.Succeeded, i.Status));
        Assert.Equal(Bitrix24BatchItemStatus.Failed, batch.Items[55].Status);
        Assert.All(batch.Items.Skip(56), i => Assert.Equal(Bitrix24BatchItemStatus.NotExecuted, i.Status));
        Assert.Equal(Enumerable.Range(0, 55).Select(i => "m" + i), Posted(portal));
    }

    [Fact]
    public async Task Without_halt_a_failure_in_the_first_call_does_not_stop_the_next()
    {
        await using var portal = await StartPortalAsync();
        using var client = EmulatorClients.Webhook(portal);
        var batch = client.CreateBatch();
        for (int i = 0; i < 60; i++)
        {
            batch.ImOpenLines.Bot.Session.Message.Send(i == 10 ? 0 : DemoPortal.ChatId, AutoMessageType.Default, "m" + i);
        }

        await batch.ExecuteAsync();

        Assert.Equal(2, portal.Requests.For("batch").Count);
        Assert.Equal(59, batch.Items.Count(i => i.Status == Bitrix24BatchItemStatus.Succeeded));
        Assert.Equal(Bitrix24ErrorCode.ChatIdEmpty, batch.Items[10].Error!.ErrorCode);
        Assert.Equal(Enumerable.Range(0, 60).Where(i => i != 10).Select(i => "m" + i), Posted(portal));
    }

    [Fact]
    public async Task A_failed_second_call_keeps_the_first_calls_results_and_says_which_commands_may_have_run()
    {
        await using var portal = await StartPortalAsync();
        using var client = EmulatorClients.Webhook(portal);
        portal.Faults.Enqueue(EmulatedFault.Delay(TimeSpan.Zero), method: "batch");   // the first call passes
        portal.Faults.Enqueue(EmulatedFault.HtmlPage(502), method: "batch");         // the second gets a proxy's page
        var batch = client.CreateBatch();
        for (int i = 0; i < 120; i++)
        {
            batch.ImOpenLines.Bot.Session.Message.Send(DemoPortal.ChatId, AutoMessageType.Default, "m" + i);
        }

        var e = await Assert.ThrowsAsync<Bitrix24TransportException>(() => batch.ExecuteAsync());

        Assert.Equal((Bitrix24TransportFailure.InvalidResponse, 502, "batch"), (e.Failure, e.StatusCode, e.Method));
        Assert.True(e.MayHaveReachedPortal);
        Assert.Contains("Batch call 2 of 3: commands c50..c99 may have run", e.Message, StringComparison.Ordinal);
        Assert.Contains("commands c0..c49 ran in earlier calls and keep their results", e.Message, StringComparison.Ordinal);
        Assert.Contains("commands c100..c119 were not sent", e.Message, StringComparison.Ordinal);
        Assert.IsType<Bitrix24TransportException>(e.InnerException);

        Assert.Equal(2, portal.Requests.For("batch").Count);
        Assert.All(batch.Items.Take(50), i => Assert.Equal(Bitrix24BatchItemStatus.Succeeded, i.Status));
        Assert.All(batch.Items.Skip(50).Take(50), i => Assert.Equal(Bitrix24BatchItemStatus.OutcomeUnknown, i.Status));
        Assert.All(batch.Items.Skip(100), i => Assert.Equal(Bitrix24BatchItemStatus.NotExecuted, i.Status));
        var unknown = Assert.Throws<InvalidOperationException>(() => ((Bitrix24BatchItem<bool>)batch.Items[50]).Result);
        Assert.Same(e.InnerException, unknown.InnerException);
        Assert.Equal(Enumerable.Range(0, 50).Select(i => "m" + i), Posted(portal));
    }

    [Fact]
    public async Task An_error_envelope_for_the_call_is_raised_and_its_commands_did_not_run()
    {
        await using var portal = await StartPortalAsync();
        using var client = EmulatorClients.Webhook(portal);
        portal.Faults.Enqueue(EmulatedFault.Error(400, "ERROR_BATCH_LENGTH_EXCEEDED", "Max batch length exceeded"), method: "batch");
        var batch = client.CreateBatch();
        var item = batch.ImOpenLines.Bot.Session.Message.Send(DemoPortal.ChatId, AutoMessageType.Default, "never");

        var e = await Assert.ThrowsAsync<Bitrix24ApiException>(() => batch.ExecuteAsync());

        Assert.Equal((Bitrix24ErrorCode.ErrorBatchLengthExceeded, 400, "batch"), (e.ErrorCode, e.StatusCode, e.Method));
        Assert.Equal("Max batch length exceeded", e.Description);
        Assert.Contains("Batch call 1 of 1: command c0 did not run.", e.Message, StringComparison.Ordinal);
        Assert.Equal(Bitrix24BatchItemStatus.NotExecuted, item.Status);
        Assert.Empty(Posted(portal));
    }

    [Fact]
    public async Task A_nested_batch_is_an_ordinary_command_error()
    {
        await using var portal = await StartPortalAsync();
        using var client = EmulatorClients.Webhook(portal);
        Bitrix24Method<object?, bool> nested = new()
        {
            Name = "batch",
            Result = Bitrix24ValueType.Boolean,
            WriteParameters = static (writer, _) => writer.WriteString("cmd", "profile"),
            ReadResult = Bitrix24Json.ReadBoolean,
        };
        var batch = client.CreateBatch();
        var inner = batch.Add(nested, null);
        var after = batch.ImOpenLines.Bot.Session.Message.Send(DemoPortal.ChatId, AutoMessageType.Default, "after");

        await batch.ExecuteAsync();

        Assert.Equal(Bitrix24ErrorCode.ErrorBatchMethodNotAllowed, inner.Error!.ErrorCode);
        Assert.Equal("batch?cmd=profile", Commands(Assert.Single(portal.Requests.For("batch")))["c0"]!.GetValue<string>());
        Assert.True(after.Result);
    }

    [Fact]
    public async Task Empty_members_sent_as_lists_and_per_command_totals_and_times_are_read()
    {
        await using var portal = await StartPortalAsync();
        using var client = EmulatorClients.Webhook(portal);
        portal.Faults.Enqueue(EmulatedFault.Reply(200, """
            {"result":{"result":{"c0":true,"c2":"7"},
                       "result_error":{"c1":{"error":"ERROR_BATCH_LENGTH_EXCEEDED","error_description":"Max batch length exceeded"}},
                       "result_total":{"c2":"120"},"result_next":{"c2":50},
                       "result_time":{"c0":{"start":1714550400.5,"duration":0.25,"date_start":"2024-05-01T11:00:00+03:00"},"c2":[]}},
             "time":{"start":1714550400}}
            """), method: "batch");
        var batch = client.CreateBatch();
        var first = batch.ImOpenLines.Bot.Session.Message.Send(DemoPortal.ChatId);
        var second = batch.ImOpenLines.Bot.Session.Message.Send(DemoPortal.ChatId);
        var third = batch.Add(IntMethod("demo.item.count"), null);

        await batch.ExecuteAsync();

        Assert.True(first.Result);
        Assert.Equal(TimeSpan.FromSeconds(0.25), first.Time!.Duration);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1714550400500), first.Time.Start);
        Assert.Equal(TimeSpan.FromHours(3), first.Time.DateStart!.Value.Offset);
        Assert.Equal(Bitrix24ErrorCode.ErrorBatchLengthExceeded, second.Error!.ErrorCode);
        Assert.Equal((7, 120, 50), (third.Result, third.Total, third.Next));
        Assert.Null(third.Time);
    }

    [Theory]
    [InlineData("""{"result":[],"result_error":[],"result_total":[],"result_next":[],"result_time":[]}""")]
    [InlineData("""{"result":{},"result_error":{},"result_total":{},"result_next":{},"result_time":{}}""")]
    [InlineData("""{"result":null}""")]
    [InlineData("""{}""")]
    public async Task Empty_answers_in_any_PHP_shape_leave_the_command_not_executed(string result)
    {
        await using var portal = await StartPortalAsync();
        using var client = EmulatorClients.Webhook(portal);
        portal.Faults.Enqueue(EmulatedFault.Reply(200, "{\"result\":" + result + "}"), method: "batch");
        var batch = client.CreateBatch();
        var item = batch.ImOpenLines.Bot.Session.Message.Send(DemoPortal.ChatId);

        await batch.ExecuteAsync();

        Assert.Equal(Bitrix24BatchItemStatus.NotExecuted, item.Status);
        Assert.Contains("neither a result nor an error", Assert.Throws<InvalidOperationException>(() => item.Result).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Results_sent_as_a_list_are_keyed_by_position_as_PHP_numbers_them()
    {
        await using var portal = await StartPortalAsync();
        using var client = EmulatorClients.Webhook(portal);

        // A portal answers a list when the keys are 0..n-1; the SDK's keys are c0.., so no key matches.
        portal.Faults.Enqueue(EmulatedFault.Reply(200, """{"result":{"result":[true],"result_error":[]}}"""), method: "batch");
        var batch = client.CreateBatch();
        var item = batch.ImOpenLines.Bot.Session.Message.Send(DemoPortal.ChatId);

        await batch.ExecuteAsync();

        Assert.Equal(Bitrix24BatchItemStatus.NotExecuted, item.Status);
        Assert.Equal(["0"], BatchResultsKeys("""{"result":[true],"result_error":[]}"""));
    }

    [Fact]
    public async Task A_result_of_the_wrong_shape_fails_only_its_own_command()
    {
        await using var portal = await StartPortalAsync();
        using var client = EmulatorClients.Webhook(portal);
        portal.Faults.Enqueue(EmulatedFault.Reply(200, """{"result":{"result":{"c0":{"ID":"1"},"c1":true},"result_error":{"c2":"odd"}}}"""), method: "batch");
        var batch = client.CreateBatch();
        var odd = batch.ImOpenLines.Bot.Session.Message.Send(DemoPortal.ChatId);
        var fine = batch.ImOpenLines.Bot.Session.Message.Send(DemoPortal.ChatId);
        var oddError = batch.ImOpenLines.Bot.Session.Message.Send(DemoPortal.ChatId);

        await batch.ExecuteAsync();

        Assert.Equal(Bitrix24BatchItemStatus.Failed, odd.Status);
        Assert.Null(odd.Error);
        var failure = Assert.IsType<Bitrix24TransportException>(odd.Failure);
        Assert.Equal(Bitrix24TransportFailure.InvalidResponse, failure.Failure);
        Assert.Contains("c0", failure.Message, StringComparison.Ordinal);
        Assert.Same(failure, Assert.Throws<Bitrix24TransportException>(() => odd.Result));
        Assert.True(fine.Result);
        Assert.Equal(Bitrix24BatchItemStatus.Failed, oddError.Status);
        Assert.IsType<Bitrix24TransportException>(oddError.Failure);
    }

    [Fact]
    public async Task A_batch_answer_that_is_not_a_batch_result_is_an_invalid_response_and_the_commands_may_have_run()
    {
        await using var portal = await StartPortalAsync();
        using var client = EmulatorClients.Webhook(portal);
        portal.Faults.Enqueue(EmulatedFault.Reply(200, """{"result":{"result":"nonsense"}}"""), method: "batch");
        var batch = client.CreateBatch();
        var item = batch.ImOpenLines.Bot.Session.Message.Send(DemoPortal.ChatId);

        var e = await Assert.ThrowsAsync<Bitrix24TransportException>(() => batch.ExecuteAsync());

        Assert.Equal(Bitrix24TransportFailure.InvalidResponse, e.Failure);
        Assert.Equal(Bitrix24BatchItemStatus.OutcomeUnknown, item.Status);
    }

    [Fact]
    public async Task An_OAuth_batch_carries_the_token_once_beside_the_commands()
    {
        await using var portal = await StartPortalAsync();
        using var client = EmulatorClients.OAuth(portal);
        var batch = client.CreateBatch();
        var finish = batch.ImOpenLines.Bot.Session.Finish(DemoPortal.ChatId);

        await batch.ExecuteAsync();

        Assert.True(finish.Result);
        ReceivedRequest request = Assert.Single(portal.Requests.For("batch"));
        JsonObject body = JsonNode.Parse(request.Body)!.AsObject();
        Assert.Equal(["auth", "cmd", "halt"], body.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal("imopenlines.bot.session.finish?CHAT_ID=112", body["cmd"]!["c0"]!.GetValue<string>());
        Assert.Equal(SessionStatus.Closed, portal.State.GetChat(DemoPortal.ChatId).Status);
    }

    [Fact]
    public async Task An_empty_batch_makes_no_call()
    {
        await using var portal = await StartPortalAsync();
        using var client = EmulatorClients.Webhook(portal);
        var batch = client.CreateBatch();

        await batch.ExecuteAsync();

        Assert.Empty(portal.Requests.All);
        Assert.True(batch.IsExecuted);
        Assert.Equal(0, batch.Count);
    }

    [Fact]
    public async Task A_batch_runs_once_and_takes_no_commands_after_that()
    {
        await using var portal = await StartPortalAsync();
        using var client = EmulatorClients.Webhook(portal);
        var batch = client.CreateBatch();
        var item = batch.ImOpenLines.Bot.Session.Message.Send(DemoPortal.ChatId, AutoMessageType.Default, "once");
        Assert.Equal(Bitrix24BatchItemStatus.Pending, item.Status);
        Assert.Contains("has not run yet", Assert.Throws<InvalidOperationException>(() => item.Result).Message, StringComparison.Ordinal);

        await batch.ExecuteAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => batch.ExecuteAsync());
        Assert.Throws<InvalidOperationException>(() => batch.ImOpenLines.Bot.Session.Message.Send(DemoPortal.ChatId));
        Assert.Single(portal.Requests.For("batch"));
        Assert.Equal(1, batch.Count);
        Assert.Equal(["once"], Posted(portal));
    }

    [Fact]
    public async Task A_cancelled_batch_sends_nothing()
    {
        await using var portal = await StartPortalAsync();
        using var client = EmulatorClients.Webhook(portal);
        var batch = client.CreateBatch();
        var item = batch.ImOpenLines.Bot.Session.Message.Send(DemoPortal.ChatId, AutoMessageType.Default, "never");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => batch.ExecuteAsync(new CancellationToken(canceled: true)));

        Assert.Equal(Bitrix24BatchItemStatus.NotExecuted, item.Status);
        Assert.Empty(portal.Requests.All);
    }

    [Fact]
    public async Task Cancelling_during_a_call_leaves_its_commands_outcome_unknown_and_sends_no_more()
    {
        await using var portal = await StartPortalAsync();
        using var client = EmulatorClients.Webhook(portal);
        portal.Faults.Enqueue(EmulatedFault.Delay(TimeSpan.FromSeconds(30)), method: "batch");
        var batch = client.CreateBatch();
        for (int i = 0; i < 60; i++)
        {
            batch.ImOpenLines.Bot.Session.Message.Send(DemoPortal.ChatId, AutoMessageType.Default, "m" + i);
        }

        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => batch.ExecuteAsync(cancel.Token));

        Assert.All(batch.Items.Take(50), i => Assert.Equal(Bitrix24BatchItemStatus.OutcomeUnknown, i.Status));
        Assert.All(batch.Items.Skip(50), i => Assert.Equal(Bitrix24BatchItemStatus.NotExecuted, i.Status));
        Assert.Single(portal.Requests.For("batch"));
    }

    [Theory]
    [InlineData(true, 2)]
    [InlineData(false, 1)]
    public async Task A_call_is_repeated_after_a_lost_answer_only_when_every_command_is_idempotent(bool idempotent, int requests)
    {
        await using var portal = await StartPortalAsync();
        using var client = EmulatorClients.Webhook(portal);
        portal.Faults.Enqueue(EmulatedFault.HtmlPage(502), method: "batch");
        var batch = client.CreateBatch();
        Bitrix24Method<object?, bool> profile = new()
        {
            Name = "profile",
            IsIdempotent = true,
            Result = Bitrix24ValueType.Boolean,
            WriteParameters = static (_, _) => { },
            ReadResult = static (ref System.Text.Json.Utf8JsonReader reader) => { reader.Skip(); return true; },
        };
        var read = batch.Add(profile, null);
        if (!idempotent)
        {
            batch.ImOpenLines.Bot.Session.Message.Send(DemoPortal.ChatId, AutoMessageType.Default, "once");
        }

        if (idempotent)
        {
            await batch.ExecuteAsync();
            Assert.True(read.Result);
        }
        else
        {
            await Assert.ThrowsAsync<Bitrix24TransportException>(() => batch.ExecuteAsync());
            Assert.Equal(Bitrix24BatchItemStatus.OutcomeUnknown, read.Status);
        }

        Assert.Equal(requests, portal.Requests.For("batch").Count);
        Assert.Empty(Posted(portal));
    }

    [Fact]
    public void A_request_that_cannot_be_queued_throws_at_once_and_queues_nothing()
    {
        using var client = new Bitrix24Client(Bitrix24ClientOptions.Webhook("https://example.bitrix24.com/rest/1/abc123xyz/"));
        var batch = client.CreateBatch();

        Assert.Throws<ArgumentNullException>(() => batch.ImOpenLines.Bot.Session.Message.Send((ImOpenLinesBotSessionMessageSendRequest)null!));
        Assert.Throws<ArgumentException>(() => batch.Add(new Bitrix24Method<object?, bool>
        {
            Name = "demo.item.add",
            Result = Bitrix24ValueType.Boolean,
            WriteParameters = static (_, _) => throw new ArgumentException("TITLE is required by demo.item.add."),
            ReadResult = Bitrix24Json.ReadBoolean,
        }, null));
        Assert.Equal(0, batch.Count);
        Assert.DoesNotContain("abc123xyz", batch.ToString(), StringComparison.Ordinal);
    }

    private static Bitrix24Method<object?, int> IntMethod(string name) => new()
    {
        Name = name,
        Result = Bitrix24ValueType.Int32,
        WriteParameters = static (_, _) => { },
        ReadResult = Bitrix24Json.ReadInt32,
    };

    private static string[] BatchResultsKeys(string result)
    {
        var reader = new System.Text.Json.Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(result));
        reader.Read();
        return BatchResults.Read(ref reader).Results.Keys.ToArray();
    }
}

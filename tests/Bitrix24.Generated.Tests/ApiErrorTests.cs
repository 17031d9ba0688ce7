using Bitrix24.Emulator;
using Bitrix24.Emulator.Faults;
using Bitrix24.Emulator.State;
using Bitrix24.Generated.Tests.ImBotV2;
using Bitrix24.Generated.Tests.Infrastructure;
using Bitrix24.ImOpenLines;

namespace Bitrix24.Generated.Tests;

/// <summary>
/// Error envelopes become <see cref="Bitrix24ApiException"/>, mapped by code only (FACTS.md 2). One
/// attempt per call here (no pacing, no retries), so each test sees exactly the answer it scripted.
/// </summary>
public sealed class ApiErrorTests
{
    private const string DefaultMethod = "imopenlines.bot.session.operator";

    // Codes without a documented status (OAuth server codes, WRONG_ENCODING) are sent with a plain 400.
    private const int StatusWhenUndocumented = 400;

    /// <summary>Every (spec file, code) pair in <c>spec/</c>, read from the YAML at test time.</summary>
    public static TheoryData<string, string> DeclaredErrors()
    {
        var data = new TheoryData<string, string>();
        foreach (SpecError error in SpecErrors.All)
        {
            data.Add(error.File, error.Code);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(DeclaredErrors))]
    public async Task Every_declared_code_maps_to_its_own_ErrorCode(string file, string code)
    {
        SpecError spec = SpecErrors.All.Single(e => e.File == file && e.Code == code);
        int status = spec.Status ?? StatusWhenUndocumented;
        string method = spec.Method ?? DefaultMethod;
        string description = $"What {code} means";
        await using var portal = await EmulatedPortal.StartAsync();
        portal.Faults.Enqueue(EmulatedFault.Error(status, code, description), method: method);
        using var client = EmulatorClients.Webhook(portal, EmulatorClients.SingleAttempt);

        var ex = await Assert.ThrowsAsync<Bitrix24ApiException>(() => CallAsync(client, method));

        Assert.Equal(method, Assert.Single(portal.Requests.All).Method);
        Assert.NotEqual(Bitrix24ErrorCode.Unknown, ex.ErrorCode);
        Assert.Equal(Bitrix24ErrorCodes.FromCode(code), ex.ErrorCode);
        Assert.Equal(SpecErrors.ExpectedMemberName(spec), ex.ErrorCode.ToString());
        Assert.Equal(code, Bitrix24ErrorCodes.ToCode(ex.ErrorCode));
        Assert.Equal(code, ex.Code);
        Assert.Equal(status, ex.StatusCode);
        Assert.Equal(description, ex.Description);
        Assert.Equal(method, ex.Method);
        Assert.Equal(ExpectedRetryClass(spec.Retry), ex.RetryClass);
        Assert.Contains(code, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_enum_holds_exactly_the_codes_the_specs_declare_plus_Unknown()
    {
        var declared = SpecErrors.All.Select(SpecErrors.ExpectedMemberName).Append(nameof(Bitrix24ErrorCode.Unknown)).ToHashSet();

        Assert.Equal(declared.Order(StringComparer.Ordinal), Enum.GetNames<Bitrix24ErrorCode>().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_undeclared_code_is_Unknown_and_keeps_the_raw_code()
    {
        var ex = await OperatorFailsAsync(EmulatedFault.Error(400, "SOMETHING_NEW_2031", "A brand new failure"));

        Assert.Equal(Bitrix24ErrorCode.Unknown, ex.ErrorCode);
        Assert.Equal("SOMETHING_NEW_2031", ex.Code);
        Assert.Equal("A brand new failure", ex.Description);
        Assert.Equal(400, ex.StatusCode);
        Assert.Equal(Bitrix24RetryClass.Never, ex.RetryClass);
    }

    [Fact]
    public async Task Codes_are_matched_exactly_so_a_differently_cased_code_is_Unknown()
    {
        // expired_token and INVALID_REQUEST/invalid_request show that case carries meaning.
        var ex = await OperatorFailsAsync(EmulatedFault.Error(400, "chat_id_empty", "x"));

        Assert.Equal(Bitrix24ErrorCode.Unknown, ex.ErrorCode);
        Assert.Equal("chat_id_empty", ex.Code);
    }

    [Fact]
    public async Task PORTAL_DELETED_sent_with_403_still_maps_to_PortalDeleted()
    {
        // The docs say 500, the portal's code sends 403: mapping is by code, never by status.
        var ex = await OperatorFailsAsync(EmulatedFault.Error(403, "PORTAL_DELETED", "Portal was deleted"));

        Assert.Equal(Bitrix24ErrorCode.PortalDeleted, ex.ErrorCode);
        Assert.Equal(403, ex.StatusCode);
    }

    [Fact]
    public async Task An_error_envelope_with_HTTP_200_still_throws()
    {
        await using var portal = await EmulatedPortal.StartAsync();
        portal.Faults.Enqueue(EmulatedFault.Error(200, "CHAT_ID_EMPTY", "Chat ID can't be empty"));
        using var client = EmulatorClients.Webhook(portal, EmulatorClients.SingleAttempt);

        var ex = await Assert.ThrowsAsync<Bitrix24ApiException>(() => client.ImOpenLines.Bot.Session.Message.SendAsync(0));

        Assert.Equal(Bitrix24ErrorCode.ChatIdEmpty, ex.ErrorCode);
        Assert.Equal(200, ex.StatusCode);
        Assert.Equal("imopenlines.bot.session.message.send", ex.Method);
    }

    [Theory]
    [InlineData("""{"error":"WRONG_CHAT","error_description":"Operator is not a bot"}""")]
    [InlineData("""{"error_description":"Operator is not a bot","error":"WRONG_CHAT"}""")]
    [InlineData("""{"result":null,"error":"WRONG_CHAT","error_description":"Operator is not a bot"}""")]
    [InlineData("""{"error":"WRONG_CHAT","error_description":"Operator is not a bot","result":true}""")]
    [InlineData("""{"result":{"a":[1,2]},"time":{"start":1},"error_description":"Operator is not a bot","error":"WRONG_CHAT"}""")]
    public async Task The_order_of_error_and_result_does_not_matter(string body)
    {
        var ex = await OperatorFailsAsync(EmulatedFault.Reply(400, body));

        Assert.Equal(Bitrix24ErrorCode.WrongChat, ex.ErrorCode);
        Assert.Equal("Operator is not a bot", ex.Description);
    }

    [Fact]
    public async Task An_error_without_description_has_an_empty_Description()
    {
        var ex = await OperatorFailsAsync(EmulatedFault.Reply(401, """{"error":"NO_AUTH_FOUND"}"""));

        Assert.Equal(Bitrix24ErrorCode.NoAuthFound, ex.ErrorCode);
        Assert.Equal(string.Empty, ex.Description);
        Assert.Contains("NO_AUTH_FOUND", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_REST_3_nested_error_shape_is_read_too()
    {
        var ex = await OperatorFailsAsync(EmulatedFault.Reply(403, """{"error":{"code":"ACCESS_DENIED","message":"No REST on this plan"}}"""));

        Assert.Equal(Bitrix24ErrorCode.AccessDenied, ex.ErrorCode);
        Assert.Equal("No REST on this plan", ex.Description);
    }

    [Fact]
    public async Task OPERATION_TIME_LIMIT_carries_the_time_block_with_the_reset_moment()
    {
        const string body = """{"error":"OPERATION_TIME_LIMIT","error_description":"Method is blocked due to operation time limit","time":{"operating":480.5,"operating_reset_at":1728634200}}""";

        var ex = await OperatorFailsAsync(EmulatedFault.Reply(429, body));

        Assert.Equal(Bitrix24ErrorCode.OperationTimeLimit, ex.ErrorCode);
        Assert.Equal(Bitrix24RetryClass.AfterReset, ex.RetryClass);
        Assert.NotNull(ex.Time);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1728634200), ex.Time.OperatingResetAt);
        Assert.Equal(TimeSpan.FromSeconds(480.5), ex.Time.Operating);
    }

    /// <summary>Calls <c>imopenlines.bot.session.operator</c> on a portal that answers with <paramref name="fault"/>.</summary>
    private static async Task<Bitrix24ApiException> OperatorFailsAsync(EmulatedFault fault)
    {
        await using var portal = await EmulatedPortal.StartAsync();
        portal.Faults.Enqueue(fault);
        using var client = EmulatorClients.Webhook(portal, EmulatorClients.SingleAttempt);

        return await Assert.ThrowsAsync<Bitrix24ApiException>(() => client.ImOpenLines.Bot.Session.OperatorAsync(DemoPortal.ChatId));
    }

    private static Task CallAsync(Bitrix24Client client, string method) => method switch
    {
        "imopenlines.bot.session.message.send" => client.ImOpenLines.Bot.Session.Message.SendAsync(DemoPortal.ChatId, AutoMessageType.Default, "Hi"),
        "imopenlines.bot.session.operator" => client.ImOpenLines.Bot.Session.OperatorAsync(DemoPortal.ChatId),
        "imopenlines.bot.session.transfer" => client.ImOpenLines.Bot.Session.TransferAsync(DemoPortal.ChatId, userId: DemoPortal.FirstOperatorId, clientId: DemoPortal.BotClientId),
        "imopenlines.bot.session.finish" => client.ImOpenLines.Bot.Session.FinishAsync(DemoPortal.ChatId, clientId: DemoPortal.BotClientId),
        _ when ImBotV2Calls.ByMethod.TryGetValue(method, out Func<Bitrix24Client, Task>? call) => call(client),
        _ => throw new InvalidOperationException($"A spec declares errors for {method}; add a call for it here."),
    };

    /// <summary><c>after-delay</c> is <see cref="Bitrix24RetryClass.AfterDelay"/>; no <c>retry:</c> means never.</summary>
    private static Bitrix24RetryClass ExpectedRetryClass(string? retry) =>
        retry is null
            ? Bitrix24RetryClass.Never
            : Enum.Parse<Bitrix24RetryClass>(string.Concat(retry.Split('-').Select(w => char.ToUpperInvariant(w[0]) + w[1..])));
}

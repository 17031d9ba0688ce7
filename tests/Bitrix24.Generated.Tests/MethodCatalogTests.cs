namespace Bitrix24.Generated.Tests;

/// <summary>The catalog the command line is built on lists every spec'd method with its parameters (API.md).</summary>
public sealed class MethodCatalogTests
{
    private static readonly string[] MethodNames =
    [
        "imopenlines.bot.session.finish",
        "imopenlines.bot.session.message.send",
        "imopenlines.bot.session.operator",
        "imopenlines.bot.session.transfer",
    ];

    [Fact]
    public void Methods_are_sorted_by_name_and_hold_the_four_session_methods_and_34_imbot_v2_ones()
    {
        string[] names = Bitrix24MethodCatalog.Methods.Select(m => m.Name).ToArray();

        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        Assert.Equal(MethodNames, names.Where(n => n.StartsWith("imopenlines.", StringComparison.Ordinal)));
        Assert.Equal(34, names.Count(n => n.StartsWith("imbot.v2.", StringComparison.Ordinal)));
        Assert.Equal(names.Length, MethodNames.Length + 34);
    }

    [Fact]
    public void Every_method_links_its_docs_page_and_has_a_summary()
    {
        foreach (Bitrix24MethodInfo method in Bitrix24MethodCatalog.Methods)
        {
            Assert.StartsWith("https://apidocs.bitrix24.com/", method.DocsUrl, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(method.Summary), method.Name);
        }
    }

    [Fact]
    public void Every_session_method_returns_a_boolean_is_not_idempotent_and_needs_both_scopes()
    {
        foreach (Bitrix24MethodInfo method in MethodNames.Select(Find))
        {
            Assert.False(method.IsIdempotent, method.Name);
            Assert.Equal(Bitrix24ValueKind.Boolean, method.Result.Kind);
            Assert.Equal(["imopenlines", "imbot"], method.Scopes);
        }
    }

    [Fact]
    public void Imbot_v2_message_send_describes_its_nested_fields_for_the_command_line()
    {
        Bitrix24MethodInfo send = Find("imbot.v2.Chat.Message.send");

        Assert.Equal(["imbot"], send.Scopes);
        Bitrix24ParameterInfo botId = send.FindParameter("bot-id")!;
        Assert.Equal("botId", botId.WireName);
        Assert.Equal(Bitrix24ValueKind.Int32, botId.Type.Kind);

        Bitrix24ParameterInfo fields = send.FindParameter("fields")!;
        Assert.Equal(Bitrix24ValueKind.Object, fields.Type.Kind);
        Bitrix24MemberInfo keyboard = fields.Type.FindMember("keyboard")!;
        Assert.Equal(Bitrix24ValueKind.Object, keyboard.Type.Kind);
        Assert.Equal(Bitrix24ValueKind.Object, send.Result.Kind);
    }

    [Theory]
    [InlineData("CHAT_ID", "chat-id")]
    [InlineData("botId", "bot-id")]
    [InlineData("dialogId", "dialog-id")]
    [InlineData("v2Name", "v2-name")]
    [InlineData("ID", "id")]
    public void Kebab_names_split_snake_case_and_camelCase_words(string wireName, string kebab)
    {
        var parameter = new Bitrix24ParameterInfo { WireName = wireName, Name = wireName, Type = Bitrix24ValueType.String };

        Assert.Equal(kebab, parameter.KebabName);
    }

    [Fact]
    public void Message_send_parameters_carry_wire_names_types_and_enum_values()
    {
        Bitrix24MethodInfo method = Find("imopenlines.bot.session.message.send");

        Assert.Equal(["CHAT_ID", "NAME", "MESSAGE"], method.Parameters.Select(p => p.WireName));

        Bitrix24ParameterInfo chatId = method.Parameters[0];
        Assert.Equal("ChatId", chatId.Name);
        Assert.Equal("chat-id", chatId.KebabName);
        Assert.Equal(Bitrix24ValueKind.Int32, chatId.Type.Kind);
        Assert.True(chatId.IsRequired);

        Bitrix24ParameterInfo name = method.Parameters[1];
        Assert.Equal(Bitrix24ValueKind.Enum, name.Type.Kind);
        Assert.Equal("AutoMessageType", name.Type.EnumName);
        Assert.Equal("AutoMessageType", name.Type.ToString());
        Assert.Equal(["WELCOME", "DEFAULT"], name.Type.EnumValues.Select(v => v.Wire));
        Assert.Equal([nameof(ImOpenLines.AutoMessageType.Welcome), nameof(ImOpenLines.AutoMessageType.Default)], name.Type.EnumValues.Select(v => v.Name));
        Assert.False(name.IsRequired);

        Bitrix24ParameterInfo message = method.Parameters[2];
        Assert.Equal(Bitrix24ValueKind.String, message.Type.Kind);
        Assert.False(message.IsRequired);
        Assert.Equal("\"\"", message.Default);
    }

    [Fact]
    public void Transfer_parameters_are_in_spec_order_with_LEAVE_as_YesNo_defaulting_to_N()
    {
        Bitrix24MethodInfo method = Find("imopenlines.bot.session.transfer");

        Assert.Equal(["CHAT_ID", "USER_ID", "QUEUE_ID", "TRANSFER_ID", "LEAVE", "CLIENT_ID"], method.Parameters.Select(p => p.WireName));
        Assert.Equal([true, false, false, false, false, false], method.Parameters.Select(p => p.IsRequired));

        Bitrix24ParameterInfo leave = method.FindParameter("LEAVE")!;
        Assert.Equal(Bitrix24ValueKind.YesNo, leave.Type.Kind);
        Assert.Equal("yn", leave.Type.ToString());
        Assert.Equal("N", leave.Default);
        Assert.Equal(Bitrix24ValueKind.String, method.FindParameter("TRANSFER_ID")!.Type.Kind);
        Assert.Equal(Bitrix24ValueKind.Int32, method.FindParameter("QUEUE_ID")!.Type.Kind);
    }

    [Fact]
    public void Operator_and_finish_parameters()
    {
        Assert.Equal(["CHAT_ID"], Find("imopenlines.bot.session.operator").Parameters.Select(p => p.WireName));
        Assert.Equal(["CHAT_ID", "CLIENT_ID"], Find("imopenlines.bot.session.finish").Parameters.Select(p => p.WireName));
    }

    [Theory]
    [InlineData("imopenlines.bot.session.operator")]
    [InlineData("IMOPENLINES.BOT.SESSION.OPERATOR")]
    [InlineData("ImOpenLines.Bot.Session.Operator")]
    public void Find_ignores_case(string name)
    {
        Bitrix24MethodInfo? found = Bitrix24MethodCatalog.Find(name);

        Assert.NotNull(found);
        Assert.Equal("imopenlines.bot.session.operator", found.Name);
    }

    [Theory]
    [InlineData("imopenlines.bot.session")]
    [InlineData("imopenlines.bot.session.operator.json")]
    [InlineData("")]
    public void Find_returns_null_for_an_unknown_method(string name)
    {
        Assert.Null(Bitrix24MethodCatalog.Find(name));
    }

    [Theory]
    [InlineData("chat-id")]
    [InlineData("CHAT_ID")]
    [InlineData("ChatId")]
    [InlineData("chat_id")]
    [InlineData("CHAT-ID")]
    [InlineData("chatid")]
    public void FindParameter_accepts_kebab_wire_and_CSharp_names(string name)
    {
        Bitrix24MethodInfo method = Find("imopenlines.bot.session.message.send");

        Assert.Same(method.Parameters[0], method.FindParameter(name));
    }

    [Fact]
    public void FindParameter_finds_multi_word_names_and_returns_null_for_unknown_ones()
    {
        Bitrix24MethodInfo transfer = Find("imopenlines.bot.session.transfer");

        Assert.Equal("TRANSFER_ID", transfer.FindParameter("transfer-id")?.WireName);
        Assert.Equal("CLIENT_ID", transfer.FindParameter("ClientId")?.WireName);
        Assert.Null(transfer.FindParameter("no-such-parameter"));
        Assert.Null(transfer.FindParameter("name"));
    }

    private static Bitrix24MethodInfo Find(string name) =>
        Bitrix24MethodCatalog.Find(name) ?? throw new Xunit.Sdk.XunitException($"{name} is not in the catalog.");
}

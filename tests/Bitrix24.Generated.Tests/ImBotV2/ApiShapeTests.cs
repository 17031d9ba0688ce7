using System.Reflection;
using System.Text.Json.Nodes;
using Bitrix24.ImBot;
using static Bitrix24.Generated.Tests.ImBotV2.DocsExamples;

namespace Bitrix24.Generated.Tests.ImBotV2;

/// <summary>
/// The public shape of Chatbots 2.0 that code outside the checks relies on (design/API.md "Chatbots 2.0"), and the
/// rule that no generated type takes a name the default usings of a .NET app would make ambiguous. This file has
/// the test project's implicit usings (System, System.IO, System.Linq, System.Net.Http, System.Threading,
/// System.Threading.Tasks...) next to <c>using Bitrix24.ImBot;</c>, so a clash would not compile.
/// </summary>
public sealed class ApiShapeTests
{
    [Fact]
    public async Task The_API_md_example_compiles_and_sends_what_the_docs_describe()
    {
        var registerPortal = new DocsPortal(Text("bot-register.response.json"));
        using (Bitrix24Client client = Client(DocsAuth.Webhook, registerPortal))
        {
            var registered = await client.ImBot.V2.Bot.RegisterAsync(new ImBotV2BotRegisterRequest
            {
                Fields = new()
                {
                    Code = "support-bot",
                    Properties = new() { Name = "Support Bot" },
                    IsSupportOpenline = true,
                },
            });
            int botId = registered.Bot.Id;

            Assert.Equal(456, botId);
            AssertSameJson(JsonNode.Parse("""{"fields":{"code":"support-bot","properties":{"name":"Support Bot"},"isSupportOpenline":true}}""")!,
                Assert.Single(registerPortal.Requests).Body);
        }

        var sendPortal = new DocsPortal(Text("chat-message-send.response.json"));
        using (Bitrix24Client client = Client(DocsAuth.Webhook, sendPortal))
        {
            var sent = await client.ImBot.V2.Chat.Message.SendAsync(new ImBotV2ChatMessageSendRequest
            {
                BotId = 456,
                DialogId = "chat112",
                Fields = new() { Message = "How can I help?" },
            });
            int messageId = sent.Id;

            Assert.Equal(789, messageId);
            AssertSameJson(JsonNode.Parse("""{"botId":456,"dialogId":"chat112","fields":{"message":"How can I help?"}}""")!,
                Assert.Single(sendPortal.Requests).Body);
        }
    }

    [Fact]
    public async Task A_required_member_left_null_is_refused_before_anything_is_sent()
    {
        var portal = new DocsPortal(Text("bot-register.response.json"));
        using Bitrix24Client client = Client(DocsAuth.Webhook, portal);
        var request = new ImBotV2BotRegisterRequest { Fields = new() { Code = "support_bot", Properties = new() { Name = null! } } };

        var e = await Assert.ThrowsAsync<ArgumentException>(() => client.ImBot.V2.Bot.RegisterAsync(request));

        Assert.Contains("fields.properties.name", e.Message);
        Assert.Empty(portal.Requests);
    }

    [Fact]
    public void All_34_methods_are_in_the_catalog_with_their_idempotency()
    {
        string[] idempotent =
        [
            "imbot.v2.Bot.register", "imbot.v2.Bot.get", "imbot.v2.Bot.list", "imbot.v2.Chat.get", "imbot.v2.Chat.User.delete",
            "imbot.v2.Chat.User.list", "imbot.v2.Chat.Message.get", "imbot.v2.Chat.Message.getContext", "imbot.v2.Command.register",
            "imbot.v2.Command.list", "imbot.v2.Event.get", "imbot.v2.File.download", "imbot.v2.Revision.get",
        ];

        Bitrix24MethodInfo[] methods = Bitrix24MethodCatalog.Methods.Where(m => m.Name.StartsWith("imbot.v2.", StringComparison.Ordinal)).ToArray();

        Assert.Equal(34, methods.Length);
        Assert.All(methods, m => Assert.Equal(["imbot"], m.Scopes));
        Assert.All(methods, m => Assert.StartsWith("https://apidocs.bitrix24.com/api-reference/chat-bots/chat-bots-v2/imbot.v2/", m.DocsUrl));
        Assert.Equal(idempotent.Order(StringComparer.Ordinal), methods.Where(m => m.IsIdempotent).Select(m => m.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void No_type_of_the_scope_is_named_like_a_type_of_the_default_usings()
    {
        // Load the assemblies behind the default usings of console, library and ASP.NET Core apps that this test
        // process has, then compare names.
        _ = new[] { typeof(File), typeof(Enumerable), typeof(HttpClient), typeof(Timer), typeof(Task), typeof(List<>), typeof(Thread) };
        string[] defaultUsings =
        [
            "System", "System.IO", "System.Collections.Generic", "System.Linq", "System.Net.Http", "System.Net.Http.Json",
            "System.Threading", "System.Threading.Tasks", "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Hosting",
            "Microsoft.AspNetCore.Http", "Microsoft.AspNetCore.Routing", "Microsoft.Extensions.Configuration",
            "Microsoft.Extensions.DependencyInjection", "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Logging",
        ];
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (Assembly assembly in AppDomain.CurrentDomain.GetAssemblies().Where(a => !a.IsDynamic))
        {
            Type[] types;
            try
            {
                types = assembly.GetExportedTypes();
            }
            catch (Exception ex) when (ex is ReflectionTypeLoadException or NotSupportedException)
            {
                continue;
            }

            foreach (Type type in types.Where(t => t.Namespace is not null && defaultUsings.Contains(t.Namespace)))
            {
                taken.Add(type.Name.Split('`')[0]);
            }
        }

        Assert.Contains("File", taken);                           // the check sees what it must
        Assert.Contains("Timer", taken);
        string[] named = typeof(ImBotV2BotRegisterRequest).Assembly.GetExportedTypes()
            .Where(t => t.Namespace == "Bitrix24.ImBot")
            .Select(t => t.Name)
            .ToArray();
        Assert.Contains("ChatFile", named);
        Assert.Contains("AttachFile", named);
        Assert.DoesNotContain(named, taken.Contains);
        Assert.Empty(named.Intersect(["File", "Path", "Task", "Timer", "Thread", "Action", "Directory", "Stream", "Random", "Attribute",
            "Type", "Exception", "Delegate", "Monitor", "Timeout", "Environment"]));
    }
}

using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Bitrix24.Tests.Shared;

namespace Bitrix24.Generated.Tests.ImBotV2;

/// <summary>How a docs example authenticates: its cURL (Webhook) tab or its cURL (OAuth) tab.</summary>
public enum DocsAuth
{
    /// <summary>An incoming webhook: the URL holds the credentials, the body holds only the parameters (and botToken).</summary>
    Webhook,

    /// <summary>An OAuth application: the body ends with <c>"auth": "**put_access_token_here**"</c>, the docs' placeholder token.</summary>
    OAuth,
}

/// <summary>One HTTP request the SDK sent.</summary>
public sealed record SentRequest(HttpMethod Method, Uri Uri, string? MediaType, string Body);

/// <summary>
/// A portal that answers every call with one canned body (a docs response example) and records what the SDK sent,
/// so a test can compare the body with a docs request example.
/// </summary>
public sealed class DocsPortal : HttpMessageHandler
{
    private readonly string _answer;
    private readonly HttpStatusCode _status;

    public DocsPortal(string answer, HttpStatusCode status = HttpStatusCode.OK)
    {
        _answer = answer;
        _status = status;
    }

    public List<SentRequest> Requests { get; } = [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        string body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Add(new SentRequest(request.Method, request.RequestUri!, request.Content?.Headers.ContentType?.MediaType, body));
        return new HttpResponseMessage(_status) { Content = new StringContent(_answer, Encoding.UTF8, "application/json") };
    }
}

/// <summary>
/// The official docs' examples for <c>imbot.v2.*</c>, kept verbatim under <c>ImBotV2/Examples/</c> (see the README
/// there for the page and tab of each file), and the plumbing to check the SDK against them.
/// </summary>
public static class DocsExamples
{
    /// <summary>The access token the docs' cURL (OAuth) tabs send as <c>auth</c>.</summary>
    public const string DocsAccessToken = "**put_access_token_here**";

    /// <summary>The botToken of the docs' examples.</summary>
    public const string BotToken = "my_bot_token";

    private const string WebhookUrl = "https://example.bitrix24.com/rest/1/abc123xyz/";
    private const string ClientEndpoint = "https://example.bitrix24.com/rest/";

    /// <summary>The folder of the example files, in the source tree.</summary>
    public static string Folder => Path.Combine(RepositoryRoot.Path, "tests", "Bitrix24.Generated.Tests", "ImBotV2", "Examples");

    /// <summary>An example file's text, exactly as stored.</summary>
    public static string Text(string file) => File.ReadAllText(Path.Combine(Folder, file));

    /// <summary>An example file as a JSON tree.</summary>
    public static JsonNode Json(string file) =>
        JsonNode.Parse(Text(file)) ?? throw new InvalidDataException(file + " holds JSON null");

    /// <summary>A client on <paramref name="portal"/> with the docs' kind of authentication; no pacing, no retries.</summary>
    public static Bitrix24Client Client(DocsAuth auth, DocsPortal portal)
    {
        Bitrix24ClientOptions options = auth == DocsAuth.Webhook
            ? Bitrix24ClientOptions.Webhook(WebhookUrl)
            : Bitrix24ClientOptions.OAuth(new Bitrix24OAuthTokens(DocsAccessToken, "refresh-token-1", new Uri(ClientEndpoint)), "app.client", "client-secret");
        options.RateLimit = Bitrix24RateLimit.Off;
        options.Retry.Enabled = false;
        return new Bitrix24Client(options, new HttpClient(portal) { Timeout = Timeout.InfiniteTimeSpan });
    }

    /// <summary>
    /// Makes the call against a portal that answers with the response example <paramref name="responseFile"/>,
    /// checks that exactly one JSON POST went to the method's URL, and returns the result and the body sent.
    /// </summary>
    public static async Task<(T Result, string Body)> CallAsync<T>(
        DocsAuth auth, string method, string responseFile, Func<Bitrix24Client, Task<T>> call)
    {
        var portal = new DocsPortal(Text(responseFile));
        using Bitrix24Client client = Client(auth, portal);

        T result = await call(client);

        SentRequest sent = Assert.Single(portal.Requests);
        Assert.Equal(HttpMethod.Post, sent.Method);
        Assert.Equal("application/json", sent.MediaType);
        string expectedUrl = (auth == DocsAuth.Webhook ? WebhookUrl : ClientEndpoint) + method;
        Assert.Equal(expectedUrl, sent.Uri.AbsoluteUri);
        return (result, sent.Body);
    }

    /// <summary>
    /// The call sends the request example <paramref name="requestFile"/> (after <paramref name="adjust"/>, for the
    /// documented differences a test names), compared as JSON trees: member order aside, the same members with
    /// the same JSON types and values.
    /// </summary>
    public static async Task<T> AssertSendsAsync<T>(
        DocsAuth auth, string method, string requestFile, string responseFile, Func<Bitrix24Client, Task<T>> call,
        Func<JsonNode, JsonNode>? adjust = null)
    {
        JsonNode expected = Json(requestFile);
        if (adjust is not null)
        {
            expected = adjust(expected);
        }

        (T result, string body) = await CallAsync(auth, method, responseFile, call);
        AssertSameJson(expected, body);
        return result;
    }

    /// <summary>The body is the expected JSON tree (member order aside).</summary>
    public static void AssertSameJson(JsonNode expected, string actualBody)
    {
        JsonNode? actual = JsonNode.Parse(actualBody);
        Assert.True(JsonNode.DeepEquals(expected, actual),
            $"The SDK's body differs from the docs example.\nExpected: {expected.ToJsonString()}\nActual:   {actualBody}");
    }

    // ---------------------------------------------------------------------------------------------------------
    // The documented equivalences that make a docs body and the SDK's body differ on the wire.
    // ---------------------------------------------------------------------------------------------------------

    /// <summary>The body of a JS, PHP, BX24.js or CRest tab: the cURL (OAuth) tab's without <c>auth</c>.</summary>
    public static JsonNode WithoutAuth(JsonNode body) => Without(body, "auth");

    /// <summary>A copy of the object without <paramref name="member"/>.</summary>
    public static JsonNode Without(JsonNode body, string member)
    {
        JsonObject copy = body.DeepClone().AsObject();
        Assert.True(copy.Remove(member), $"the example has no {member}");
        return copy;
    }

    /// <summary>
    /// KEYBOARD's short form, a bare array of buttons, is the full form <c>{"BUTTONS": [...]}</c> to the portal
    /// (message-keyboards.md: "the server will automatically ... wrap the array in BUTTONS"); the SDK sends the full form.
    /// </summary>
    public static JsonNode KeyboardAsFullForm(JsonNode body)
    {
        JsonNode copy = body.DeepClone();
        JsonObject fields = copy["fields"]!.AsObject();
        Assert.IsType<JsonArray>(fields["keyboard"]);
        JsonNode buttons = fields["keyboard"]!;
        fields.Remove("keyboard");
        fields["keyboard"] = new JsonObject { ["BUTTONS"] = buttons };
        return copy;
    }

    /// <summary>
    /// ATTACH's short form, a bare array of blocks, is the full form <c>{"BLOCKS": [...]}</c> to the portal
    /// (attachments/index.md "Short Form ATTACH"); the SDK sends the full form.
    /// </summary>
    public static JsonNode AttachAsFullForm(JsonNode body)
    {
        JsonNode copy = body.DeepClone();
        JsonObject fields = copy["fields"]!.AsObject();
        Assert.IsType<JsonArray>(fields["attach"]);
        JsonNode blocks = fields["attach"]!;
        fields.Remove("attach");
        fields["attach"] = new JsonObject { ["BLOCKS"] = blocks };
        return copy;
    }
}

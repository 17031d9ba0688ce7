using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bitrix24.Cli.Output;

/// <summary>
/// Hides the bot credentials a request body carries before it is printed: <c>botToken</c> (which a
/// Chatbots 2.0 webhook call passes, at the top or in <c>fields</c>, and which acts for the bot) and
/// <c>CLIENT_ID</c> (the same token, as the session methods take it). Everything else is printed as sent.
/// </summary>
internal static class BodySecrets
{
    private static readonly string[] Names = ["botToken", "CLIENT_ID"];

    /// <summary>The body with the value of every member named like a credential, at any depth, replaced by <c>"***"</c>.</summary>
    public static string Mask(string body)
    {
        if (!Names.Any(name => body.Contains(name, StringComparison.Ordinal)))
        {
            return body;
        }

        JsonNode? root;
        try
        {
            root = JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return body;
        }

        Hide(root);
        return root?.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) ?? body;
    }

    private static void Hide(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject members:
                foreach (var (name, value) in members.ToList())
                {
                    if (Names.Contains(name, StringComparer.Ordinal) && value is JsonValue)
                    {
                        members[name] = "***";
                    }
                    else
                    {
                        Hide(value);
                    }
                }

                break;
            case JsonArray items:
                foreach (JsonNode? item in items)
                {
                    Hide(item);
                }

                break;
        }
    }
}

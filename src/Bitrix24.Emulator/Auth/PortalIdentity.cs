namespace Bitrix24.Emulator.Auth;

/// <summary>How the emulated portal names itself to applications: the OAuth server's answers and every event's <c>auth</c>.</summary>
internal static class PortalIdentity
{
    /// <summary>The portal's <c>member_id</c> (32 characters, like the real ones).</summary>
    public const string MemberId = "emulator0member0id00000000000000";

    /// <summary>The application status in <c>auth[status]</c>: <c>L</c>, a local application.</summary>
    public const string ApplicationStatus = "L";

    /// <summary>The portal's language: <c>language</c> of Chatbots 2.0 events, <c>LANGUAGE_ID</c> of application events.</summary>
    public const string Language = "en";

    /// <summary>The portal's domain as events give it: host and port of the base URL (<c>127.0.0.1:5080</c>).</summary>
    public static string Domain(Uri baseUrl) => baseUrl.Authority;

    /// <summary>The REST root, <c>{BaseUrl}rest/</c>: <c>client_endpoint</c>, and <c>server_endpoint</c> too, as the emulator is its own OAuth server.</summary>
    public static string Endpoint(Uri baseUrl) => new Uri(baseUrl, "rest/").ToString();
}

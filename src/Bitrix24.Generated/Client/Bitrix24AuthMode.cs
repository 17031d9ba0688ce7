namespace Bitrix24;

/// <summary>How a client authenticates its calls.</summary>
public enum Bitrix24AuthMode
{
    /// <summary>An incoming webhook: the code is part of the URL, <c>https://{portal}/rest/{user_id}/{code}/{method}</c>.</summary>
    Webhook,

    /// <summary>An OAuth application: the access token travels as <c>auth</c> in the body, to <c>{client_endpoint}{method}</c>.</summary>
    OAuth,
}

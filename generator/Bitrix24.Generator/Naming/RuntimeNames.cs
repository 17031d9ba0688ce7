using System;
using System.Collections.Generic;

namespace Bitrix24.Generator.Naming;

/// <summary>
/// Names of the hand-written runtime that generated names must stay off. The lists are written by
/// hand; the generator tests compare them with the runtime's real members, so a member added to the
/// runtime without being listed fails a test rather than a user's build.
/// </summary>
internal static class RuntimeNames
{
    /// <summary>Members of the hand-written <c>Bitrix24Client</c> (and of object) a scope property must not take.</summary>
    public static readonly HashSet<string> ClientMembers = new(StringComparer.Ordinal)
        { "CallAsync", "CallForResultAsync", "CreateBatch", "Dispose", "OAuthTokens", "ToString", "Equals", "GetHashCode", "GetType" };

    /// <summary>Public members of the hand-written <c>Bitrix24Batch</c> (and of object) a scope property must not take.</summary>
    public static readonly HashSet<string> BatchMembers = new(StringComparer.Ordinal)
        { "Add", "Count", "ExecuteAsync", "Halt", "IsExecuted", "Items", "MaxCommandsPerCall", "ToString", "Equals", "GetHashCode", "GetType" };
}

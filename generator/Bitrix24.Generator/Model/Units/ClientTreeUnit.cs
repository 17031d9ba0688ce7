using Bitrix24.Generator.Collections;

namespace Bitrix24.Generator.Model.Units;

/// <summary>
/// The group classes of one scope (<c>client.ImOpenLines.Bot.Session.Message</c>). It holds names
/// only, so editing a method's docs does not re-emit it.
/// </summary>
internal sealed record ClientTreeUnit(string HintName, ScopeClientModel Scope) : EmitUnit(HintName);

/// <summary>
/// The batch group classes of one scope (<c>batch.ImOpenLines.Bot.Session.Message</c>), which mirror
/// the client's groups. Names only, like <see cref="ClientTreeUnit"/>; each method's file adds its
/// leaf methods to these classes.
/// </summary>
internal sealed record BatchTreeUnit(string HintName, ScopeClientModel Scope) : EmitUnit(HintName);

/// <param name="GroupType">The client's root group (<c>ImOpenLinesApi</c>).</param>
/// <param name="BatchGroupType">The batch's root group (<c>ImOpenLinesBatchApi</c>).</param>
internal sealed record ScopeClientModel(string Namespace, string RestName, string PropertyName, string GroupType, string BatchGroupType, EquatableArray<GroupModel> Groups)
{
    /// <summary>The class in namespace <c>Bitrix24</c> that gets the scope property: <c>Bitrix24Client</c>, or an app's <c>AppApi</c>.</summary>
    public string RootType { get; init; } = "Bitrix24Client";

    /// <summary>The same for batches: <c>Bitrix24Batch</c>, or an app's <c>AppBatchApi</c>.</summary>
    public string BatchRootType { get; init; } = "Bitrix24Batch";

    /// <summary>
    /// The root is the runtime's own class (the SDK), which passes <c>this</c> to its scopes; an
    /// app's accessor class passes the client or batch it wraps.
    /// </summary>
    public bool RootIsRuntime { get; init; } = true;
}

/// <summary>
/// A group class such as <c>ImOpenLinesBotSessionApi</c> for <c>imopenlines.bot.session.*</c>, and
/// its batch counterpart <c>ImOpenLinesBotSessionBatchApi</c>.
/// </summary>
internal sealed record GroupModel(string TypeName, string BatchTypeName, string RestPrefix, EquatableArray<GroupChildModel> Children);

internal sealed record GroupChildModel(string PropertyName, string TypeName, string BatchTypeName, string RestPrefix);

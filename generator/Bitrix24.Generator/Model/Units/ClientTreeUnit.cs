using Bitrix24.Generator.Collections;

namespace Bitrix24.Generator.Model.Units;

/// <summary>
/// The group classes of one scope (<c>client.ImOpenLines.Bot.Session.Message</c>). It holds names
/// only, so editing a method's docs does not re-emit it.
/// </summary>
internal sealed record ClientTreeUnit(string HintName, ScopeClientModel Scope) : EmitUnit(HintName);

internal sealed record ScopeClientModel(string Namespace, string RestName, string PropertyName, string GroupType, EquatableArray<GroupModel> Groups);

/// <summary>A group class such as <c>ImOpenLinesBotSessionApi</c> for <c>imopenlines.bot.session.*</c>.</summary>
internal sealed record GroupModel(string TypeName, string RestPrefix, EquatableArray<GroupChildModel> Children);

internal sealed record GroupChildModel(string PropertyName, string TypeName, string RestPrefix);

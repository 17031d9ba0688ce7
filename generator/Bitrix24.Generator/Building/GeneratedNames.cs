using System;
using System.Collections.Generic;
using System.Linq;
using Bitrix24.Generator.Naming;
using Bitrix24.Generator.Target;

namespace Bitrix24.Generator.Building;

/// <summary>
/// The C# names of what a build generates, derived from REST names: namespaces, the group classes
/// of the client and the batch, and the class that holds the scope properties.
/// </summary>
internal sealed class GeneratedNames
{
    private const string RootNamespace = "Bitrix24";

    private readonly GenerationTarget _target;

    /// <summary>
    /// <see cref="PascalSegments"/> by method name: every method's segments are needed by several
    /// checks and for its group classes. The arrays are shared, so nobody may change one.
    /// </summary>
    private readonly Dictionary<string, string[]> _segments = new(StringComparer.Ordinal);

    public GeneratedNames(GenerationTarget target, CSharpNames words)
    {
        _target = target;
        Words = words;
    }

    /// <summary>Spells wire names in C#, with naming.yaml's words.</summary>
    public CSharpNames Words { get; }

    /// <summary>
    /// The prefix of every group class: none in the SDK; the accessor's name in an app
    /// (<c>AppCrmDealApi</c>), so an app's groups never take the name of one of the SDK's.
    /// </summary>
    public string TypePrefix => _target.IsSdk ? "" : _target.AccessorName;

    /// <summary>Members of the class holding the scope properties (the client, or an app's accessor class).</summary>
    public HashSet<string> RootMembers => _target.IsSdk ? RuntimeNames.ClientMembers : CSharpMemberNames.Object;

    /// <summary>Members of the class holding the batch's scope properties.</summary>
    public HashSet<string> BatchRootMembers => _target.IsSdk ? RuntimeNames.BatchMembers : CSharpMemberNames.Object;

    public string RootType => _target.IsSdk ? "Bitrix24Client" : _target.AccessorName + "Api";

    public string BatchRootType => _target.IsSdk ? "Bitrix24Batch" : _target.AccessorName + "BatchApi";

    public string Pascal(string wire) => Words.Pascal(wire);

    /// <summary><c>Bitrix24.ImOpenLines</c> for scope <c>imopenlines</c>.</summary>
    public string NamespaceOf(string scope) => RootNamespace + "." + Words.Pascal(scope);

    /// <summary>The client's group class of a name prefix: <c>ImOpenLinesBot</c> → <c>ImOpenLinesBotApi</c> (in an app, <c>AppImOpenLinesBotApi</c>).</summary>
    public string GroupType(string pascalPrefix) => TypePrefix + pascalPrefix + "Api";

    /// <summary>The batch's group class of a name prefix: <c>ImOpenLinesBot</c> → <c>ImOpenLinesBotBatchApi</c>.</summary>
    public string BatchGroupType(string pascalPrefix) => TypePrefix + pascalPrefix + "BatchApi";

    public IEnumerable<string> GroupTypesOf(string restName) => PrefixesOf(restName).Select(GroupType);

    public IEnumerable<string> BatchGroupTypesOf(string restName) => PrefixesOf(restName).Select(BatchGroupType);

    /// <summary>The PascalCase proper prefixes of a method name: <c>ImOpenLines</c>, <c>ImOpenLinesBot</c>, ...</summary>
    public IEnumerable<string> PrefixesOf(string restName)
    {
        string[] pascal = PascalSegments(restName);
        for (int depth = 1; depth < pascal.Length; depth++)
        {
            yield return string.Concat(pascal.Take(depth));
        }
    }

    /// <summary><c>imopenlines.bot.session.finish</c> → <c>ImOpenLines</c>, <c>Bot</c>, <c>Session</c>, <c>Finish</c>.</summary>
    public string[] PascalSegments(string restName)
    {
        if (!_segments.TryGetValue(restName, out string[]? segments))
        {
            segments = restName.Split('.').Select(Words.Pascal).ToArray();
            _segments[restName] = segments;
        }

        return segments;
    }
}

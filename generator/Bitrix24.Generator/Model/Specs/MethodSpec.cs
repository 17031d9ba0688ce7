using Bitrix24.Generator.Collections;
using Bitrix24.Generator.Diagnostics;

namespace Bitrix24.Generator.Model.Specs;

/// <summary>A REST method as the spec file describes it.</summary>
internal sealed record MethodSpec(
    string Name,
    SpecLocation NameLocation,
    string? Summary,
    string? Remarks,
    string? Docs,
    EquatableArray<string> Scopes,
    string? Access,
    bool IsIdempotent,
    EquatableArray<ParamSpec> Params,
    ResultSpec Result)
{
    /// <summary>The first segment of the method name; it names the C# namespace.</summary>
    /// <remarks>Kept, not computed per call: the model builder asks for it many times per method.</remarks>
    public string Scope { get; } = Name.IndexOf('.') is var dot and >= 0 ? Name.Substring(0, dot) : Name;
}

/// <summary>One parameter of a method, by its wire name.</summary>
internal sealed record ParamSpec(
    string WireName,
    SpecLocation NameLocation,
    TypeSpec Type,
    SpecLocation TypeLocation,
    bool IsRequired,
    string? Summary,
    string? Remarks,
    string? Default);

/// <summary>What the method returns in <c>result</c>.</summary>
/// <param name="Member">
/// When the value is a member of <c>result</c> rather than <c>result</c> itself: most Chatbots 2.0
/// mutators answer <c>{"result": {"result": true}}</c>, and the method returns that inner <c>true</c>.
/// </param>
internal sealed record ResultSpec(TypeSpec Type, SpecLocation TypeLocation, string? Summary, string? Member);

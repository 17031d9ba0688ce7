using Bitrix24.Generator.Collections;

namespace Bitrix24.Generator.Model.Units;

/// <summary>The file of one REST method: request type, descriptor (body writer, result reader), client and batch methods.</summary>
internal sealed record MethodUnit(string HintName, MethodModel Method) : EmitUnit(HintName);

/// <summary>A method with every C# name chosen.</summary>
/// <param name="GroupType">The client group holding <c>{MethodName}Async</c> (<c>ImOpenLinesBotSessionMessageApi</c>).</param>
/// <param name="BatchGroupType">The batch group holding <c>{BatchMethodName}</c> (<c>ImOpenLinesBotSessionMessageBatchApi</c>).</param>
/// <param name="ResultMember">The member of <c>result</c> that holds the value, when the value is not <c>result</c> itself.</param>
/// <param name="BatchMethodName">
/// The batch method: <see cref="MethodName"/>, or <c>{MethodName}Command</c> when a child group (or the
/// class, or an <c>object</c> member) already has that name, since batch methods have no <c>Async</c> suffix.
/// </param>
internal sealed record MethodModel(
    string RestName,
    string Namespace,
    string RequestType,
    string DescriptorType,
    string GroupType,
    string MethodName,
    string BatchGroupType,
    string BatchMethodName,
    string? Summary,
    string? Remarks,
    string? DocsUrl,
    EquatableArray<string> Scopes,
    string? Access,
    bool IsIdempotent,
    EquatableArray<ParamModel> Params,
    ValueModel Result,
    string? ResultMember,
    string? ResultSummary,
    EquatableArray<ErrorDocModel> Errors);

/// <summary>A parameter: its wire name, the DTO property and the method argument that carry it.</summary>
internal sealed record ParamModel(
    string WireName,
    string PropertyName,
    string ArgumentName,
    ValueModel Type,
    bool IsRequired,
    string? Summary,
    string? Remarks,
    string? Default);

/// <summary>
/// An error the method's docs list, pointing at its <c>Bitrix24ErrorCode</c> member; an app's
/// methods have no member to point at (<paramref name="MemberName"/> is null) and show the code only.
/// </summary>
internal sealed record ErrorDocModel(string Code, string? MemberName, int? Status, string? Description, string? When);

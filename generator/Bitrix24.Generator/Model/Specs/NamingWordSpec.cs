using Bitrix24.Generator.Diagnostics;

namespace Bitrix24.Generator.Model.Specs;

/// <summary>One entry of <c>naming.yaml</c>: a lower-case word and its C# spelling.</summary>
internal sealed record NamingWordSpec(string Word, string Spelling, SpecLocation Location);

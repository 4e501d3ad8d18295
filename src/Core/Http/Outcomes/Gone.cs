namespace CustomerFunctions.Core.Http;

/// <summary>The thing existed but is no longer usable (an expired or spent token).</summary>
public record Gone(string Type, string Detail) : Failure;

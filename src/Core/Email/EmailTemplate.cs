namespace CustomerFunctions.Core.Email;

/// <summary>One email text in one language; placeholders are <c>{name}</c>.</summary>
public sealed record EmailTemplate(string Name, string Language, string Subject, string Body);

namespace CustomerFunctions.Core.Email;

/// <summary>One email text in one language, with its class (which decides who waits when the budget runs short); placeholders are <c>{name}</c>.</summary>
public sealed record EmailTemplate(string Name, string Language, EmailClass Class, string Subject, string Body);

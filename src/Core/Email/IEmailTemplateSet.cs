namespace CustomerFunctions.Core.Email;

/// <summary>A feature's email texts. Each feature registers its set (see its <c>Add...</c> feature registration).</summary>
public interface IEmailTemplateSet
{
    IEnumerable<EmailTemplate> Templates { get; }
}

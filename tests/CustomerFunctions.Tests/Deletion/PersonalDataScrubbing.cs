using CustomerFunctions.Core.Deletion;

namespace CustomerFunctions.Tests.Deletion;

/// <summary>The rule that decides which values in history details are personal (no I/O).</summary>
public sealed class PersonalDataScrubbing
{
    [Fact]
    public void EmailsAndPersonNames_AreErased_IdsRolesAndCompanyNamesStay()
    {
        var scrubbed = PersonalData.Scrub("""{"userId":"u-1","email":"a@b.test","fullName":"Ann B","role":"customerAdmin","name":"Acme","to":["c@d.test","x"]}""", eventIsAboutAUser: false);
        Assert.Equal("""{"userId":"u-1","email":"erased","fullName":"erased","role":"customerAdmin","name":"Acme","to":["erased","x"]}""", scrubbed);
    }

    [Fact]
    public void InEventsAboutAUser_APlainNameIsTheirs()
    {
        Assert.Equal("""{"name":"erased"}""", PersonalData.Scrub("""{"name":"Ann B"}""", eventIsAboutAUser: true));
    }

    [Fact]
    public void FreeTextPeopleWrote_AndTheNameOfANestedPerson_AreErased()
    {
        var scrubbed = PersonalData.Scrub(
            """{"impersonationId":"i-1","reason":"Ticket of Ann","impersonator":{"userId":"u-9","name":"Pat","relation":"partner"},"note":"n","subject":"s","mode":"allMustRead"}""",
            eventIsAboutAUser: false);
        Assert.Equal(
            """{"impersonationId":"i-1","reason":"erased","impersonator":{"userId":"u-9","name":"erased","relation":"partner"},"note":"erased","subject":"erased","mode":"allMustRead"}""",
            scrubbed);
    }

    [Fact]
    public void ChangesOfPersonalFields_LoseBothValues()
    {
        var scrubbed = PersonalData.Scrub("""[{"field":"firstName","from":"Ann","to":"Anna"},{"field":"seller","from":"s1","to":"s2"}]""", eventIsAboutAUser: false);
        Assert.Equal("""[{"field":"firstName","from":"erased","to":"erased"},{"field":"seller","from":"s1","to":"s2"}]""", scrubbed);
    }

    [Fact]
    public void ScrubbingTwice_ChangesNothingMore()
    {
        var once = PersonalData.Scrub("""{"companyEmail":"o@acme.test","nested":{"inviterName":"Bob"}}""", eventIsAboutAUser: false);
        Assert.Same(once, PersonalData.Scrub(once, eventIsAboutAUser: false));
        Assert.Null(PersonalData.Scrub(null, eventIsAboutAUser: false));
    }
}

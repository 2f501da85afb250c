using EPeople.Domain.Privacy;

namespace EPeople.Domain.UnitTests.Privacy;

public sealed class PersonalDataMaskTests
{
    [TestCase("김민준", "김**")]
    [TestCase("Sarah Lee", "S********")]
    [TestCase("이", "*")]
    public void ShouldKeepOnlyTheFirstCharacterOfAName(string name, string masked) => PersonalDataMask.Name(name).ShouldBe(masked);

    [TestCase("010-1234-5678", "010-****-5678")]
    [TestCase("01012345678", "010****5678")]
    [TestCase("02-123-4567", "02-***-4567")]
    public void ShouldHideTheMiddleOfAPhoneNumber(string phone, string masked) => PersonalDataMask.Phone(phone).ShouldBe(masked);

    [Test]
    public void ShouldKeepTheDomainOfAnEmailAddress() => PersonalDataMask.Email("kim@example.com").ShouldBe("k**@example.com");

    [Test]
    public void ShouldFindAndMaskPersonalDataInFreeText()
    {
        const string text = "제 번호는 010-9876-5432이고 주민번호는 900101-1234567, 메일은 minjun.kim@example.com 입니다. 2024년 3월 12일 접수.";

        var masked = PersonalDataMask.Text(text);

        masked.ShouldBe("제 번호는 010-****-5432이고 주민번호는 900101-*******, 메일은 m*********@example.com 입니다. 2024년 3월 12일 접수.");
        PersonalDataMask.Detect(text).ShouldBe(["ResidentRegistrationNumber", "PhoneNumber", "Email"]);
        PersonalDataMask.Detect("도로가 파손되었습니다").ShouldBeEmpty();
    }
}

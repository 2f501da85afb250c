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

    [TestCase("서울특별시 강남구 테헤란로 123 4층", "서울특별시 강남구 테헤란로 *** 4층")]
    [TestCase("도산대로12길 34-5에 삽니다", "도산대로12길 ****에 삽니다")]
    [TestCase("강남구 역삼동 123-45 앞", "강남구 역삼동 ****** 앞")]
    [TestCase("봉화리 산 12번지", "봉화리 산 **번지")]
    [TestCase("종로3가 12", "종로3가 **")]
    [TestCase("래미안 101동 1203호", "래미안 ***동 ****호")]
    public void ShouldKeepTheAreaOfAnAddressButNotTheHousehold(string address, string masked)
    {
        PersonalDataMask.Address(address).ShouldBe(masked);
        PersonalDataMask.Text(address).ShouldBe(masked);
        PersonalDataMask.Detect(address).ShouldBe(["Address"]);
    }

    [TestCase("3번 출구로 2분 걸어가면 보도블록이 깨져 있습니다")]
    [TestCase("아이가 3살이고 버스로 30분 걸립니다")]
    [TestCase("행정복지센터 이동 5분, 민원 처리에 2024년부터 3가지 문제가 있었습니다")]
    [TestCase("국도 1호선 정비")]
    public void ShouldNotTakeCountsForHouseNumbers(string text)
    {
        PersonalDataMask.Text(text).ShouldBe(text);
        PersonalDataMask.Detect(text).ShouldBeEmpty();
    }
}

package io.schemagov.model.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.schemagov.model.privacy.PersonalData.Category;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PersonalDataTest {

    @ParameterizedTest
    @CsvSource({
            "email, text, EMAIL",
            "contact_email_address, character varying(200), EMAIL",
            "mobile_phone, text, PHONE",
            "phoneNumber, varchar, PHONE",
            "first_name, text, NAME",
            "card_holder, text, NAME",
            "street_address, text, ADDRESS",
            "postal_code, text, ADDRESS",
            "date_of_birth, date, BIRTH_DATE",
            "dob, date, BIRTH_DATE",
            "ssn, text, NATIONAL_ID",
            "passport_number, text, NATIONAL_ID",
            "card_number, bigint, CARD_NUMBER",
            "iban, text, BANK_ACCOUNT",
            "password_hash, text, PASSWORD",
            "api_key, text, TOKEN",
            "refresh_token, text, TOKEN",
            "client_ip, inet, IP_ADDRESS",
            "ip_address, text, IP_ADDRESS"})
    void proposesLikelyPersonalData(String column, String type, Category expected) {
        assertThat(PersonalData.classify(column, type)).contains(expected);
    }

    @ParameterizedTest
    @CsvSource({
            "name, text",
            "product_name, text",
            "hotel, text",
            "email_verified, boolean",
            "phone_count, integer",
            "total, numeric(12,2)",
            "created_at, timestamp with time zone",
            "status, text"})
    void leavesOrdinaryColumnsAlone(String column, String type) {
        assertThat(PersonalData.classify(column, type)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"email, EMAIL", "first_name, NAME"})
    void anUnknownTypeIsTreatedAsText(String column, Category expected) {
        assertThat(PersonalData.classify(column, null)).contains(expected);
    }
}

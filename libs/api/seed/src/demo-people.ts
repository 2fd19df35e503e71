/** Names, places and campaigns that an Indian advisory's lead list actually looks like. */
export const FIRST_NAMES = [
  'Aarav', 'Vivaan', 'Aditya', 'Vihaan', 'Arjun', 'Sai', 'Reyansh', 'Krishna', 'Ishaan', 'Shaurya', 'Atharv', 'Kabir', 'Rohan', 'Aman', 'Rahul', 'Karthik', 'Siddharth',
  'Harsh', 'Nikhil', 'Pranav', 'Varun', 'Yash', 'Manish', 'Deepak', 'Sandeep', 'Abhishek', 'Gaurav', 'Vikas', 'Naveen', 'Suresh', 'Ravi', 'Tarun', 'Mohit',
  'Ananya', 'Diya', 'Aadhya', 'Saanvi', 'Pari', 'Anika', 'Navya', 'Myra', 'Sara', 'Ira', 'Kavya', 'Riya', 'Sneha', 'Pooja', 'Neha', 'Priyanka', 'Shreya',
  'Divya', 'Meghna', 'Aishwarya', 'Nandini', 'Swati', 'Tanvi', 'Ishita', 'Lakshmi', 'Fatima', 'Zoya', 'Harpreet', 'Simran', 'Gurpreet', 'Anjali', 'Bhavya', 'Keerthi',
];
export const LAST_NAMES = [
  'Sharma', 'Verma', 'Gupta', 'Singh', 'Kumar', 'Patel', 'Shah', 'Mehta', 'Iyer', 'Nair', 'Menon', 'Reddy', 'Rao', 'Naidu', 'Pillai', 'Das', 'Bose', 'Banerjee',
  'Chatterjee', 'Mukherjee', 'Ghosh', 'Joshi', 'Kulkarni', 'Deshpande', 'Patil', 'Jadhav', 'Chauhan', 'Yadav', 'Mishra', 'Tiwari', 'Pandey', 'Agarwal', 'Jain',
  'Khan', 'Ansari', 'Qureshi', 'Fernandes', "D'Souza", 'Gill', 'Sandhu', 'Dhillon', 'Kapoor', 'Malhotra', 'Bhatia', 'Saxena', 'Srivastava', 'Hegde', 'Shetty',
];
export const PLACES: [string, string][] = [
  ['Mumbai', 'Maharashtra'], ['Pune', 'Maharashtra'], ['Nagpur', 'Maharashtra'], ['Delhi', 'Delhi'], ['Noida', 'Uttar Pradesh'], ['Lucknow', 'Uttar Pradesh'],
  ['Kanpur', 'Uttar Pradesh'], ['Gurugram', 'Haryana'], ['Bengaluru', 'Karnataka'], ['Mysuru', 'Karnataka'], ['Hyderabad', 'Telangana'], ['Chennai', 'Tamil Nadu'],
  ['Coimbatore', 'Tamil Nadu'], ['Kochi', 'Kerala'], ['Thiruvananthapuram', 'Kerala'], ['Kolkata', 'West Bengal'], ['Ahmedabad', 'Gujarat'], ['Surat', 'Gujarat'],
  ['Jaipur', 'Rajasthan'], ['Indore', 'Madhya Pradesh'], ['Bhopal', 'Madhya Pradesh'], ['Patna', 'Bihar'], ['Bhubaneswar', 'Odisha'], ['Chandigarh', 'Chandigarh'],
  ['Guwahati', 'Assam'], ['Visakhapatnam', 'Andhra Pradesh'], ['Dehradun', 'Uttarakhand'], ['Ranchi', 'Jharkhand'],
];
export const QUALIFICATIONS = ['12th pass', 'B.Com', 'B.Sc', 'BA', 'BBA', 'BCA', 'B.Tech', 'Diploma', 'M.Com', 'MBA', 'M.Sc'];

export const CAMPAIGNS: { campaign: string; source: string; medium: string; level: string; interest: string; weight: number }[] = [
  { campaign: 'spring-mba', source: 'google', medium: 'cpc', level: 'PG', interest: 'Online MBA', weight: 8 },
  { campaign: 'diwali-pg', source: 'facebook', medium: 'paid-social', level: 'PG', interest: 'Online MBA or MCA', weight: 5 },
  { campaign: 'online-degree-search', source: 'google', medium: 'organic', level: 'UG', interest: 'Online BBA / BCA', weight: 6 },
  { campaign: 'micro-credentials-launch', source: 'linkedin', medium: 'paid-social', level: 'micro-credential', interest: 'Micro-credential in data analytics', weight: 3 },
  { campaign: 'exec-mba-linkedin', source: 'linkedin', medium: 'cpc', level: 'PG', interest: 'Executive MBA for working professionals', weight: 3 },
  { campaign: 'career-guide-newsletter', source: 'newsletter', medium: 'email', level: 'certificate', interest: 'Certificate in digital marketing', weight: 2 },
];

export const NOTES = [
  'Working in sales, wants an MBA without leaving the job.',
  'Asked about EMI options and whether the degree is UGC-entitled.',
  'Prefers evening calls after 7 pm.',
  'Comparing with a regular MBA in Pune; budget is the main concern.',
  'Father will join the next call to discuss fees.',
  'Needs the program to be valid for government job applications.',
  'Interested in the data science specialisation.',
  'Already has offers from two other providers; send comparison today.',
  'Asked whether the exams are online or at a centre.',
  'Wants to start in the January session.',
];
